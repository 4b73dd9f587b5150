package api.web;

import api.web.RequestValidationError.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The failures of one request body's fields, in FastAPI's words: every field is checked in the contract's order and
 * all failures are answered together (422).
 */
public final class FieldErrors {
    private final List<FieldError> errors = new ArrayList<>();

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

    /** Throws every failure noted so far as one {@link RequestValidationError}; does nothing when there is none. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new RequestValidationError(errors);
        }
    }
}
