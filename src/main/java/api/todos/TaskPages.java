package api.todos;

import api.metrics.BusinessMetrics;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The server-rendered task pages under /tasks. State changes are POSTs answered with a 303 to the list. */
public final class TaskPages {
    private static final String LIST = "/tasks/";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final TodoDao todos;
    private final BusinessMetrics events;
    private final TemplateEngine templates;

    public TaskPages(TodoDao todos, TemplateEngine templates, BusinessMetrics events) {
        this.todos = todos;
        this.events = events;
        this.templates = templates;
    }

    public void list(Context ctx) {
        boolean completed = "true".equals(ctx.queryParam("completed"));
        render(ctx, HttpStatus.OK, "tasks/list.jte", Map.of(
                "tasks", todos.board(completed), "completed", completed, "today", LocalDate.now(ZoneOffset.UTC)));
    }

    public void newForm(Context ctx) {
        form(ctx, HttpStatus.OK, TaskForm.blank(), null);
    }

    public void create(Context ctx) {
        TaskForm form = TaskForm.submitted(ctx);
        if (!form.valid()) {
            form(ctx, HttpStatus.BAD_REQUEST, form, null);
            return;
        }
        todos.createUnowned(form.toNewTodo());
        events.taskCreated();
        ctx.redirect(LIST, HttpStatus.SEE_OTHER);
    }

    public void edit(Context ctx) {
        Optional<Todo> todo = id(ctx).flatMap(todos::findAny);
        if (todo.isEmpty()) {
            notFound(ctx);
            return;
        }
        form(ctx, HttpStatus.OK, TaskForm.of(todo.get()), todo.get());
    }

    public void save(Context ctx) {
        Optional<Todo> todo = id(ctx).flatMap(todos::findAny);
        if (todo.isEmpty()) {
            notFound(ctx);
            return;
        }
        TaskForm form = TaskForm.submitted(ctx);
        if (!form.valid()) {
            form(ctx, HttpStatus.BAD_REQUEST, form, todo.get());
            return;
        }
        redirectOrNotFound(ctx, todos.updateAny(todo.get().id(), form.toUpdate()));
    }

    public void complete(Context ctx) {
        Optional<Todo> completed = id(ctx).flatMap(id -> todos.updateAny(id, new TodoUpdate(null, null, null, true, false, null)));
        completed.ifPresent(todo -> events.taskCompleted());
        redirectOrNotFound(ctx, completed);
    }

    public void delete(Context ctx) {
        redirectOrNotFound(ctx, id(ctx).flatMap(todos::deleteAny));
    }

    private void redirectOrNotFound(Context ctx, Optional<Todo> changed) {
        if (changed.isPresent()) {
            ctx.redirect(LIST, HttpStatus.SEE_OTHER);
        } else {
            notFound(ctx);
        }
    }

    private void form(Context ctx, HttpStatus status, TaskForm form, Todo todo) {
        Map<String, Object> params = new HashMap<>();
        params.put("form", form);
        params.put("priorities", todos.priorities());
        params.put("todo", todo);
        render(ctx, status, "tasks/form.jte", params);
    }

    private void notFound(Context ctx) {
        render(ctx, HttpStatus.NOT_FOUND, "tasks/notfound.jte", Map.of("id", ctx.pathParam("id")));
    }

    private void render(Context ctx, HttpStatus status, String template, Map<String, Object> params) {
        StringOutput html = new StringOutput();
        templates.render(template, params, html);
        ctx.status(status).contentType("text/html; charset=utf-8").result(html.toString());
    }

    /** Bootstrap badge colours from the highest (1) to the lowest (5) priority. */
    public static String badgeClass(int priority) {
        return switch (priority) {
            case 1 -> "text-bg-danger";
            case 2 -> "text-bg-warning";
            case 3 -> "text-bg-primary";
            case 4 -> "text-bg-info";
            default -> "text-bg-secondary";
        };
    }

    public static String formatTime(Instant time) {
        return time == null ? "" : TIME.format(time);
    }

    private static Optional<Long> id(Context ctx) {
        try {
            return Optional.of(Long.parseLong(ctx.pathParam("id")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
