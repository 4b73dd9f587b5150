package api.todos;

import api.web.ApiError;
import api.web.Params;
import io.javalin.http.Context;

/** The ToDo API's ids, limits and offsets, refused in its own words: 400 for a query, 404 for an id. */
final class TodoParams {
    private TodoParams() {}

    /** The query parameter, {@code fallback} when absent. */
    static int queryInt(Context ctx, String name, int fallback, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        return Params.asInt(text)
                .filter(value -> value >= min && value <= max)
                .orElseThrow(() -> ApiError.badRequest(name + " must be an integer from " + min + " to " + max + "."));
    }

    /** Ids were strings in the original API, so one that is not a number is simply not found. */
    static long id(Context ctx) {
        return Params.asLong(ctx.pathParam("id")).orElseThrow(() -> notFound(ctx));
    }

    static ApiError notFound(Context ctx) {
        return ApiError.notFound("Todo " + ctx.pathParam("id") + " not found");
    }
}
