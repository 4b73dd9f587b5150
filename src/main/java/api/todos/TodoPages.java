package api.todos;

import api.auth.Session;
import api.metrics.BusinessMetrics;
import api.web.PageAuth;
import api.web.Params;
import api.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The server-rendered task pages under /tasks, each showing and changing only the signed-in user's tasks: another
 * user's task is the not-found page, as a task that does not exist. State changes are POSTs answered with a 303.
 */
public final class TodoPages {
    static final int PAGE_SIZE = 100;
    private static final String LIST = "/tasks/";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final TodoDao todos;
    private final BusinessMetrics events;
    private final Templates templates;

    public TodoPages(TodoDao todos, Templates templates, BusinessMetrics events) {
        this.todos = todos;
        this.events = events;
        this.templates = templates;
    }

    /** At most {@link #PAGE_SIZE} cards a page; a page that is not a number is the first, one past the end the last. */
    public void list(Context ctx) {
        Session session = PageAuth.session(ctx);
        boolean completed = "true".equals(ctx.queryParam("completed"));
        int total = todos.count(session.userId(), completed);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(pageParam(ctx), pages);
        Map<String, Object> params = new HashMap<>();
        params.put("session", session);
        params.put("tasks", todos.board(session.userId(), completed, PAGE_SIZE, (page - 1) * PAGE_SIZE));
        params.put("completed", completed);
        params.put("today", LocalDate.now(ZoneOffset.UTC));
        params.put("page", page);
        params.put("pages", pages);
        params.put("total", total);
        templates.render(ctx, HttpStatus.OK, "tasks/list.jte", params);
    }

    public void newForm(Context ctx) {
        form(ctx, HttpStatus.OK, TodoForm.blank(), null);
    }

    public void create(Context ctx) {
        TodoForm form = TodoForm.submitted(ctx);
        if (!form.valid()) {
            form(ctx, HttpStatus.BAD_REQUEST, form, null);
            return;
        }
        todos.create(form.toNewTodo(), owner(ctx));
        events.taskCreated();
        ctx.redirect(LIST, HttpStatus.SEE_OTHER);
    }

    public void edit(Context ctx) {
        Optional<Todo> todo = id(ctx).flatMap(id -> todos.find(id, owner(ctx)));
        if (todo.isEmpty()) {
            notFound(ctx);
            return;
        }
        form(ctx, HttpStatus.OK, TodoForm.of(todo.get()), todo.get());
    }

    public void save(Context ctx) {
        Optional<Todo> todo = id(ctx).flatMap(id -> todos.find(id, owner(ctx)));
        if (todo.isEmpty()) {
            notFound(ctx);
            return;
        }
        TodoForm form = TodoForm.submitted(ctx);
        if (!form.valid()) {
            form(ctx, HttpStatus.BAD_REQUEST, form, todo.get());
            return;
        }
        redirectOrNotFound(ctx, todos.update(todo.get().id(), owner(ctx), form.toUpdate()));
    }

    public void complete(Context ctx) {
        Optional<Todo> completed = id(ctx).flatMap(
                        id -> todos.update(id, owner(ctx), new TodoUpdate(null, null, null, true, false, null)));
        completed.ifPresent(todo -> events.taskCompleted());
        redirectOrNotFound(ctx, completed);
    }

    public void delete(Context ctx) {
        redirectOrNotFound(ctx, id(ctx).flatMap(id -> todos.delete(id, owner(ctx))));
    }

    private void redirectOrNotFound(Context ctx, Optional<Todo> changed) {
        if (changed.isPresent()) {
            ctx.redirect(LIST, HttpStatus.SEE_OTHER);
        } else {
            notFound(ctx);
        }
    }

    private void form(Context ctx, HttpStatus status, TodoForm form, Todo todo) {
        Map<String, Object> params = new HashMap<>();
        params.put("session", PageAuth.session(ctx));
        params.put("form", form);
        params.put("priorities", todos.priorities());
        params.put("todo", todo);
        templates.render(ctx, status, "tasks/form.jte", params);
    }

    private void notFound(Context ctx) {
        templates.render(
                ctx,
                HttpStatus.NOT_FOUND,
                "tasks/notfound.jte",
                Map.of("session", PageAuth.session(ctx), "id", ctx.pathParam("id")));
    }

    private static long owner(Context ctx) {
        return PageAuth.session(ctx).userId();
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

    /** The list's address for a page, keeping the tab. */
    public static String pageLink(boolean completed, int page) {
        return LIST + "?" + (completed ? "completed=true&" : "") + "page=" + page;
    }

    private static int pageParam(Context ctx) {
        return Params.asInt(ctx.queryParam("page"))
                .map(page -> Math.max(1, page))
                .orElse(1);
    }

    private static Optional<Long> id(Context ctx) {
        return Params.asLong(ctx.pathParam("id"));
    }
}
