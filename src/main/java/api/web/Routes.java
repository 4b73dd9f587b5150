package api.web;

import io.javalin.http.Context;

/** The matched route template of a request, for logs and metric labels (never the raw path: ids would explode them). */
public final class Routes {
    /** Shared by every request no route matched (404, 405), however many distinct paths scanners try. */
    public static final String UNMATCHED = "unmatched";

    private Routes() {}

    public static String template(Context ctx) {
        try {
            String path = ctx.endpointHandlerPath();
            // Javalin answers a descriptive sentence instead of a template when nothing matched
            return path != null && path.startsWith("/") ? path : UNMATCHED;
        } catch (IllegalStateException e) {
            return UNMATCHED; // still in a before-handler: the request never reached an endpoint
        }
    }
}
