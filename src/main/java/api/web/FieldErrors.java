package api.web;

import api.web.RequestValidationError.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The social API's input checks, in FastAPI's words (422): a body's fields are checked in the contract's order and all
 * failures answered together; a query or path parameter is answered on its own.
 */
public final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();

    /** The query parameter as an int, {@code fallback} when absent. */
    public static int queryInt(Context ctx, String name, int fallback) {
        String text = ctx.queryParam(name);
        return text == null ? fallback : Params.asInt(text).orElseThrow(() -> unparsable("query", name, text));
    }

    /** Refuses the query parameter {@code name} with {@code msg} unless {@code valid}. */
    public static void checkQuery(boolean valid, String name, String msg) {
        if (!valid) {
            throw RequestValidationError.of("query", name, msg, "value_error");
        }
    }

    /** The {@code {id}} of the path. */
    public static long pathId(Context ctx) {
        String text = ctx.pathParam("id");
        return Params.asLong(text).orElseThrow(() -> unparsable("path", "id", text));
    }

    private static RequestValidationError unparsable(String location, String name, String text) {
        return RequestValidationError.of(location, name, "Input could not be parsed: '" + text + "'", "type_error");
    }

    /** The field's text; null, with the failure noted, when it is missing, null or not a string. */
    public String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || value.isNull()) {
            missing(field);
            return null;
        }
        if (!value.isTextual()) {
            add(field, "str type expected", "type_error.str");
            return null;
        }
        return value.asText();
    }

    public void missing(String field) {
        add(field, "field required", "value_error.missing");
    }

    public void add(String field, String msg, String type) {
        errors.add(new FieldError(List.of("body", field), msg, type));
    }

    /** The first failure's message, for a page that shows one; empty when nothing failed. */
    public Optional<String> firstMessage() {
        return errors.stream().findFirst().map(FieldError::msg);
    }

    /** Throws every failure noted so far as one {@link RequestValidationError}; does nothing when there is none. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new RequestValidationError(errors);
        }
    }
}
