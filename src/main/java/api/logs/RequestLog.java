package api.logs;

import api.web.ClientIp;
import api.web.RequestIds;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.time.Instant;

/**
 * What is kept of one request. Deliberately no headers beyond the user agent, no cookies and no bodies:
 * the table is read by operators, and tokens or passwords must never land in it.
 */
public record RequestLog(
        String requestId,
        String method,
        String path,
        String route,
        String query,
        int status,
        double durationMs,
        String clientIp,
        String userAgent,
        Long userId,
        Instant timestamp) {

    private static final int MAX_TEXT = 2048;
    private static final int MAX_USER_AGENT = 512;

    public static RequestLog of(Context ctx, String route, float durationMs, ClientIp clientIp) {
        Instant end = Instant.now();
        Object userId = ctx.attribute("user_id");
        return new RequestLog(
                RequestIds.of(ctx),
                ctx.method().name(),
                bounded(ctx.path(), MAX_TEXT),
                route,
                bounded(ctx.queryString(), MAX_TEXT),
                ctx.statusCode(),
                Math.round(durationMs * 1000.0) / 1000.0,
                clientIp.of(ctx),
                bounded(ctx.header(Header.USER_AGENT), MAX_USER_AGENT),
                userId instanceof Number n ? n.longValue() : null,
                end.minusNanos((long) (durationMs * 1_000_000)));
    }

    private static String bounded(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
