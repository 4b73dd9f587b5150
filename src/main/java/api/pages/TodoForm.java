package api.pages;

import api.todos.NewTodo;
import api.todos.Todo;
import api.todos.TodoUpdate;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The task form as the user typed it, so an invalid submission can be shown again unchanged, with a message per field. */
public record TodoForm(String title, String description, String priority, String dueDate, Map<String, String> errors) {

    public static TodoForm blank() {
        return new TodoForm("", "", "3", "", Map.of());
    }

    public static TodoForm of(Todo todo) {
        return new TodoForm(
                todo.title(),
                todo.memo(),
                String.valueOf(todo.priority()),
                todo.dueDate() == null ? "" : todo.dueDate().toString(),
                Map.of());
    }

    public static TodoForm submitted(Context ctx) {
        TodoForm form = new TodoForm(
                param(ctx, "title"),
                param(ctx, "description"),
                param(ctx, "priority"),
                param(ctx, "due_date").strip(),
                Map.of());
        return new TodoForm(form.title, form.description, form.priority, form.dueDate, form.check());
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public String error(String field) {
        return errors.get(field);
    }

    public NewTodo toNewTodo() {
        return new NewTodo(title.strip(), description, Integer.parseInt(priority), date(), false);
    }

    public TodoUpdate toUpdate() {
        return TodoUpdate.ofPage(title.strip(), description, Integer.parseInt(priority), date());
    }

    private LocalDate date() {
        return dueDate.isEmpty() ? null : LocalDate.parse(dueDate);
    }

    private Map<String, String> check() {
        Map<String, String> problems = new LinkedHashMap<>();
        String trimmed = title.strip();
        if (trimmed.isEmpty()) {
            problems.put("title", "Enter a title.");
        } else if (trimmed.codePointCount(0, trimmed.length()) > NewTodo.TITLE_MAX) {
            problems.put("title", "The title can be at most " + NewTodo.TITLE_MAX + " characters.");
        }
        if (description.codePointCount(0, description.length()) > NewTodo.MEMO_MAX) {
            problems.put("description", "The description can be at most " + NewTodo.MEMO_MAX + " characters.");
        }
        if (!priority.matches("[1-5]")) {
            problems.put("priority", "Choose a priority.");
        }
        if (!dueDate.isEmpty()) {
            try {
                LocalDate.parse(dueDate);
            } catch (DateTimeParseException e) {
                problems.put("due_date", "Enter the due date as YYYY-MM-DD.");
            }
        }
        return problems;
    }

    private static String param(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
