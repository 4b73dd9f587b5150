package api.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/** The matched route template of a request, for logs and metric labels (never the raw path: ids would explode them). */
public final class Routes {
    /** Shared by every request no route matched (404, 405), however many distinct paths scanners try. */
    public static final String UNMATCHED = "unmatched";

    private Routes() {}

    public static String template(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? UNMATCHED : endpoint.path;
    }
}
