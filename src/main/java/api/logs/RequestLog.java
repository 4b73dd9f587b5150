package api.logs;

import api.web.Caller;
import api.web.ClientIp;
import api.web.RequestIds;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Deliberately no headers beyond the user agent, no cookies and no bodies: operators read the table, and credentials
 * must never land in it.
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
    /** Parts of parameter names that carry credentials; src/docs/request-logs.md lists them for operators. */
    static final List<String> SECRET_NAME_PARTS = List.of(
            "pass", "pwd", "secret", "token", "jwt", "key", "auth", "session", "csrf", "credential", "signature");

    private static final Pattern SECRET_NAME = Pattern.compile(
            SECRET_NAME_PARTS.stream().map(Pattern::quote).collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE);

    public static RequestLog of(Context ctx, String route, float durationMs, ClientIp clientIp) {
        Instant end = Instant.now();
        Object userId = ctx.attribute(Caller.USER_ID);
        return new RequestLog(
                RequestIds.of(ctx),
                ctx.method().name(),
                bounded(ctx.path(), MAX_TEXT),
                route,
                bounded(redacted(ctx.queryString()), MAX_TEXT),
                ctx.statusCode(),
                Math.round(durationMs * 1000.0) / 1000.0,
                clientIp.of(ctx),
                bounded(ctx.header(Header.USER_AGENT), MAX_USER_AGENT),
                userId instanceof Number n ? n.longValue() : null,
                end.minusNanos((long) (durationMs * 1_000_000)));
    }

    /**
     * Redacts every parameter whose decoded name holds one of {@link #SECRET_NAME_PARTS} (any case), since clients do
     * put credentials in URLs; a harmless name that matches (author, monkey) loses only its value.
     */
    static String redacted(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        StringBuilder kept = new StringBuilder(query.length());
        for (String parameter : query.split("&", -1)) {
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            kept.append(kept.isEmpty() ? "" : "&")
                    .append(SECRET_NAME.matcher(decoded(name)).find() ? name + "=REDACTED" : parameter);
        }
        return kept.toString();
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return name; // a broken escape: matched as sent
        }
    }

    private static String bounded(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
