package api.web;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;

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

    // every answer carries them, so each is encoded once for good instead of on every response
    private static final HttpField NO_SNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");
    private static final HttpField NO_FRAMES = new PreEncodedHttpField("X-Frame-Options", "DENY");
    private static final HttpField REFERRER =
            new PreEncodedHttpField("Referrer-Policy", "strict-origin-when-cross-origin");
    private static final HttpField PAGE_CSP = new PreEncodedHttpField("Content-Security-Policy", PAGE_POLICY);
    private static final HttpField API_CSP = new PreEncodedHttpField("Content-Security-Policy", API_POLICY);

    private SecurityHeaders() {}

    public static void apply(Context ctx) {
        HttpFields.Mutable headers =
                ServletContextResponse.getServletContextResponse(ctx.res()).getHeaders();
        headers.put(NO_SNIFF);
        headers.put(NO_FRAMES);
        headers.put(REFERRER);
        headers.put(ctx.path().startsWith("/tasks") ? PAGE_CSP : API_CSP);
    }
}
