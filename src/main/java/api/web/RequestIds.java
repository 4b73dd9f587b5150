package api.web;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Gives every request an id, echoed in {@code X-Request-ID}: the caller's own when it is sane, else a new one. */
public final class RequestIds {
    public static final String HEADER = "X-Request-ID";
    /** The id's name as a request attribute and in the logging context (the JSON log lines' key). */
    public static final String LOG_KEY = "request_id";

    private static final Logger log = LoggerFactory.getLogger(RequestIds.class);
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:/+=@-]{1,128}");

    private RequestIds() {}

    public static void assign(Context ctx) {
        String incoming = ctx.header(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : generate();
        ctx.attribute(LOG_KEY, id);
        ctx.header(HEADER, id);
        MDC.put(LOG_KEY, id);
    }

    /** After the answer: a line for it at DEBUG, and the id leaves the thread, which serves other requests next. */
    public static void done(Context ctx, float ms) {
        if (log.isDebugEnabled()) {
            log.debug("{} {} {} {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
        }
        MDC.remove(LOG_KEY);
    }

    /** The id {@link #assign} gave this request, or a new one if it never ran. */
    public static String of(Context ctx) {
        String id = ctx.attribute(LOG_KEY);
        return id != null ? id : generate();
    }

    /** A random (version 4) UUID; ids only need to be unique, so the cheap non-blocking generator is enough. */
    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
