package api.todos;

import api.web.ApiError;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** A todo to create. {@code completed} is only ever true for imported items. */
public record NewTodo(String title, String memo, int priority, LocalDate dueDate, boolean completed) {
    public static final int TITLE_MAX = 30;
    public static final int MEMO_MAX = 1000;
    static final int PRIORITY_MIN = 1;
    static final int PRIORITY_MAX = 5;

    /** Fields are checked in the original API's order; the first missing one is the answer. */
    public static NewTodo from(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiError.badRequest("Request body must be a JSON object.");
        }
        for (String field : List.of("title", "memo", "priority")) {
            if (!body.hasNonNull(field)) {
                throw ApiError.badRequest(field + " is required.");
            }
        }
        return new NewTodo(
                title(body.get("title")),
                memo(body.get("memo")),
                priority(body.get("priority")),
                body.has("due_date") ? dueDate(body.get("due_date")) : null,
                false);
    }

    static String title(JsonNode value) {
        String title = text("title", value);
        if (title.isBlank()) {
            throw ApiError.badRequest("title must not be blank.");
        }
        return checkLength("title", title, TITLE_MAX);
    }

    static String memo(JsonNode value) {
        return checkLength("memo", text("memo", value), MEMO_MAX);
    }

    static int priority(JsonNode value) {
        // canConvertToLong: asLong wraps a number past 64 bits, so 2^64 + 3 would read as 3
        if (!value.isIntegralNumber()
                || !value.canConvertToLong()
                || value.asLong() < PRIORITY_MIN
                || value.asLong() > PRIORITY_MAX) {
            throw ApiError.badRequest("priority must be an integer from 1 (highest) to 5.");
        }
        return value.asInt();
    }

    /** A missing or null due date means none. */
    static LocalDate dueDate(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("due_date must be a date like 2024-12-31.");
        }
        return parseDate("due_date", value.asText());
    }

    static LocalDate parseDate(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(field + " must be a date like 2024-12-31.");
        }
    }

    /** Column limits count characters (code points), as utf8mb4 VARCHAR does, not UTF-16 units. */
    static String checkLength(String field, String value, int max) {
        if (value.codePointCount(0, value.length()) > max) {
            throw ApiError.badRequest(field + " must be at most " + max + " characters.");
        }
        return value;
    }

    private static String text(String field, JsonNode value) {
        if (!value.isTextual()) {
            throw ApiError.badRequest(field + " must be a string.");
        }
        return value.asText();
    }

    NewTodo withCompleted(boolean done) {
        return new NewTodo(title, memo, priority, dueDate, done);
    }
}
