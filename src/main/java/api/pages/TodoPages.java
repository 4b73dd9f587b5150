package api.pages;

import api.auth.Session;
import api.metrics.BusinessMetrics;
import api.todos.Todo;
import api.todos.TodoDao;
import api.todos.TodoUpdate;
import api.web.Caller;
import api.web.Params;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The server-rendered task pages under /tasks, each showing and changing only the signed-in user's tasks: another
 * user's task is the not-found page, as a task that does not exist. State changes are POSTs answered with a 303.
 */
public final class TodoPages {
    static final int PAGE_SIZE = 100;

    private final TodoDao todos;
    private final BusinessMetrics events;

    public TodoPages(TodoDao todos, BusinessMetrics events) {
        this.todos = todos;
        this.events = events;
    }

    /** At most {@link #PAGE_SIZE} cards a page; a page that is not a number is the first, one past the end the last. */
    public void list(Context ctx) {
        Session session = Caller.session(ctx);
        boolean completed = "true".equals(ctx.queryParam("completed"));
        int total = todos.count(session.userId(), completed);
        int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(pageParam(ctx), pages);
        Templates.taskList(
                ctx,
                new TaskListPage(
                        session,
                        todos.board(session.userId(), completed, PAGE_SIZE, (page - 1) * PAGE_SIZE),
                        completed,
                        LocalDate.now(ZoneOffset.UTC),
                        page,
                        pages,
                        total));
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
        ctx.redirect(Paths.LIST, HttpStatus.SEE_OTHER);
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
            ctx.redirect(Paths.LIST, HttpStatus.SEE_OTHER);
        } else {
            notFound(ctx);
        }
    }

    private void form(Context ctx, HttpStatus status, TodoForm form, Todo todo) {
        Templates.taskForm(ctx, status, new TaskFormPage(Caller.session(ctx), form, todos.priorities(), todo));
    }

    private void notFound(Context ctx) {
        Templates.taskNotFound(ctx, new TaskNotFoundPage(Caller.session(ctx), ctx.pathParam("id")));
    }

    private static long owner(Context ctx) {
        return Caller.session(ctx).userId();
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
