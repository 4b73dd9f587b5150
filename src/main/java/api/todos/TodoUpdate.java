package api.todos;

import api.web.ApiError;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Set;

/**
 * A partial update: a null component is left as it is. {@code dueDateSet} tells "set due_date to null"
 * apart from "leave due_date alone".
 */
public record TodoUpdate(
        String title, String memo, Integer priority, Boolean completed, boolean dueDateSet, LocalDate dueDate) {
    private static final Set<String> FIELDS = Set.of("title", "memo", "priority", "completed", "due_date");

    public static TodoUpdate from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest("Request body must be a JSON object.");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiError.badRequest(
                        "Unknown field: " + name + " (allowed: title, memo, priority, completed, due_date).");
            }
        }
        if (body.isEmpty()) {
            throw ApiError.badRequest("Nothing to update: send any of title, memo, priority, completed, due_date.");
        }
        return new TodoUpdate(
                body.has("title") ? NewTodo.title(notNull("title", body.get("title"))) : null,
                body.has("memo") ? NewTodo.memo(notNull("memo", body.get("memo"))) : null,
                body.has("priority") ? NewTodo.priority(notNull("priority", body.get("priority"))) : null,
                body.has("completed") ? completed(notNull("completed", body.get("completed"))) : null,
                body.has("due_date"),
                NewTodo.dueDate(body.get("due_date")));
    }

    /** Everything the edit page sends; completion is left alone. */
    public static TodoUpdate ofPage(String title, String memo, int priority, LocalDate dueDate) {
        return new TodoUpdate(title, memo, priority, null, true, dueDate);
    }

    Todo applyTo(Todo current, java.time.Instant now) {
        boolean done = completed == null ? current.completed() : completed;
        return new Todo(
                current.id(),
                title == null ? current.title() : title,
                memo == null ? current.memo() : memo,
                priority == null ? current.priority() : priority,
                current.priorityName(),
                done,
                dueDateSet ? dueDate : current.dueDate(),
                current.createdAt(),
                now,
                !done ? null : current.completedAt() != null ? current.completedAt() : now);
    }

    private static JsonNode notNull(String field, JsonNode value) {
        if (value.isNull()) {
            throw ApiError.badRequest(field + " must not be null.");
        }
        return value;
    }

    private static boolean completed(JsonNode value) {
        if (!value.isBoolean()) {
            throw ApiError.badRequest("completed must be true or false.");
        }
        return value.asBoolean();
    }
}
