package api.todos;

import api.metrics.BusinessMetrics;
import api.web.ApiError;
import api.web.Caller;
import api.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.Locale;

/**
 * The caller's own tasks only: another user's task is 404 like a missing one, and client errors are {@code {"detail":
 * ...}} as the original API answered.
 */
public final class TodoApiHandlers {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final TodoDao todos;
    private final BusinessMetrics events;

    public TodoApiHandlers(TodoDao todos, BusinessMetrics events) {
        this.todos = todos;
        this.events = events;
    }

    public void list(Context ctx) {
        String completed = ctx.queryParam("completed");
        if (completed != null && !completed.equals("true") && !completed.equals("false")) {
            throw ApiError.badRequest("completed must be true or false.");
        }
        int limit = TodoParams.queryInt(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = TodoParams.queryInt(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        ctx.json(todos.list(Caller.userId(ctx), completed == null, "true".equals(completed), limit, offset));
    }

    public void get(Context ctx) {
        long id = TodoParams.id(ctx);
        ctx.json(todos.find(id, Caller.userId(ctx)).orElseThrow(() -> TodoParams.notFound(ctx)));
    }

    public void create(Context ctx) {
        NewTodo todo = NewTodo.from(body(ctx));
        Todo created = todos.create(todo, Caller.userId(ctx));
        events.taskCreated();
        ctx.status(HttpStatus.CREATED).json(created);
    }

    public void update(Context ctx) {
        long id = TodoParams.id(ctx);
        TodoUpdate update = TodoUpdate.from(body(ctx));
        Todo updated = todos.update(id, Caller.userId(ctx), update).orElseThrow(() -> TodoParams.notFound(ctx));
        if (Boolean.TRUE.equals(update.completed())) {
            events.taskCompleted();
        }
        ctx.json(updated);
    }

    public void delete(Context ctx) {
        long id = TodoParams.id(ctx);
        ctx.json(todos.delete(id, Caller.userId(ctx)).orElseThrow(() -> TodoParams.notFound(ctx)));
    }

    /**
     * Parsed here so malformed JSON is this API's 400, not the app-wide 422. Only a JSON content type is read, since
     * other sites can send text/plain or form bodies without a preflight.
     */
    private static JsonNode body(Context ctx) {
        if (!isJson(ctx.contentType())) {
            throw new ApiError(415, "Content-Type must be application/json.");
        }
        try {
            return Json.parseUtf8(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw ApiError.badRequest("Request body is not valid JSON.");
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return mediaType.strip().toLowerCase(Locale.ROOT).equals("application/json");
    }
}
