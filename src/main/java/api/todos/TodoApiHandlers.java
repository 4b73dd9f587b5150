package api.todos;

import api.metrics.BusinessMetrics;
import api.web.ApiDocs;
import api.web.ApiError;
import api.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.io.IOException;

/** The JSON API at /todos. Every client error is 400 (or 404) with {@code {"detail": ...}}, as the original API answered. */
public final class TodoApiHandlers {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final TodoDao todos;
    private final BusinessMetrics events;

    public TodoApiHandlers(TodoDao todos, BusinessMetrics events) {
        this.todos = todos;
        this.events = events;
    }

    @OpenApi(path = "/todos", methods = HttpMethod.GET, summary = "List todos", tags = "Todos", queryParams = {@OpenApiParam(name = "completed", description = "true or false"), @OpenApiParam(name = "limit", type = Integer.class, description = "1..1000, default 100"), @OpenApiParam(name = "offset", type = Integer.class, description = ">= 0")},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Todo[].class)), @OpenApiResponse(status = "400", content = @OpenApiContent(from = ApiDocs.Detail.class))})
    public void list(Context ctx) {
        String completed = ctx.queryParam("completed");
        if (completed != null && !completed.equals("true") && !completed.equals("false")) {
            throw ApiError.badRequest("completed must be true or false.");
        }
        int limit = intParam(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        ctx.json(todos.list(completed == null, "true".equals(completed), limit, offset));
    }

    @OpenApi(path = "/todos/{id}", methods = HttpMethod.GET, summary = "One todo", tags = "Todos", pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Todo.class)), @OpenApiResponse(status = "404", content = @OpenApiContent(from = ApiDocs.Detail.class))})
    public void get(Context ctx) {
        long id = id(ctx);
        ctx.json(todos.find(id).orElseThrow(() -> notFound(ctx)));
    }

    @OpenApi(path = "/todos", methods = HttpMethod.POST, summary = "Create a todo (title, memo, priority 1..5 required; due_date optional)", tags = "Todos", requestBody = @OpenApiRequestBody(content = @OpenApiContent(type = "application/json")),
            responses = {@OpenApiResponse(status = "201", content = @OpenApiContent(from = Todo.class)), @OpenApiResponse(status = "400", content = @OpenApiContent(from = ApiDocs.Detail.class))})
    public void create(Context ctx) {
        NewTodo todo = NewTodo.from(body(ctx));
        Todo created = todos.create(todo);
        events.taskCreated();
        ctx.status(HttpStatus.CREATED).json(created);
    }

    @OpenApi(path = "/todos/{id}", methods = HttpMethod.PUT, summary = "Partly update a todo (title, memo, priority, completed, due_date)", tags = "Todos", pathParams = @OpenApiParam(name = "id", type = Long.class, required = true), requestBody = @OpenApiRequestBody(content = @OpenApiContent(type = "application/json")),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Todo.class)), @OpenApiResponse(status = "400", content = @OpenApiContent(from = ApiDocs.Detail.class)), @OpenApiResponse(status = "404", content = @OpenApiContent(from = ApiDocs.Detail.class))})
    public void update(Context ctx) {
        long id = id(ctx);
        TodoUpdate update = TodoUpdate.from(body(ctx));
        Todo updated = todos.update(id, update).orElseThrow(() -> notFound(ctx));
        if (Boolean.TRUE.equals(update.completed())) {
            events.taskCompleted();
        }
        ctx.json(updated);
    }

    @OpenApi(path = "/todos/{id}", methods = HttpMethod.DELETE, summary = "Delete a todo; answers it as it was", tags = "Todos", pathParams = @OpenApiParam(name = "id", type = Long.class, required = true),
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Todo.class)), @OpenApiResponse(status = "404", content = @OpenApiContent(from = ApiDocs.Detail.class))})
    public void delete(Context ctx) {
        long id = id(ctx);
        ctx.json(todos.delete(id).orElseThrow(() -> notFound(ctx)));
    }

    /** Ids were strings in the original API, so one that is not a number is simply not found. */
    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw notFound(ctx);
        }
    }

    private static ApiError notFound(Context ctx) {
        return ApiError.notFound("Todo " + ctx.pathParam("id") + " not found");
    }

    /** Parsed here so that malformed JSON (malformed UTF-8 included) is this API's 400, not the app-wide 422. */
    private static JsonNode body(Context ctx) {
        try {
            return Json.parseUtf8(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw ApiError.badRequest("Request body is not valid JSON.");
        }
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like a value out of range
        }
        throw ApiError.badRequest(name + " must be an integer from " + min + " to " + max + ".");
    }
}
