package api.web;

import io.javalin.http.Context;

/**
 * The headers browsers act on, sent by the app itself so that a host without nginx (Heroku) sends them too: no
 * content sniffing, no framing (clickjacking of the task buttons), no full URL to other sites, and a
 * Content-Security-Policy: the pages may load only their own assets, and a JSON answer nothing at all.
 * The docs pages set their own policy after this one.
 */
public final class SecurityHeaders {
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    public static void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("Content-Security-Policy", ctx.path().startsWith("/tasks") ? PAGE_POLICY : API_POLICY);
    }
}
