package api.web;

import java.util.List;

/** Input that failed validation, answered as FastAPI does: 422 {@code {"detail": [{loc, msg, type}, ...]}}. */
public final class RequestValidationError extends RuntimeException {

    /** One failed field: {@code loc} is the path to it, such as {@code ["body", "email"]}. */
    public record FieldError(List<Object> loc, String msg, String type) {}

    private final List<FieldError> errors;

    public RequestValidationError(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid request" : errors.get(0).msg(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    /** A body that is not JSON at all, in FastAPI's words. */
    public static RequestValidationError jsonDecodeError() {
        return new RequestValidationError(
                List.of(new FieldError(List.of("body"), "JSON decode error", "json_invalid")));
    }

    public static RequestValidationError of(String location, String field, String msg, String type) {
        return new RequestValidationError(List.of(new FieldError(List.of(location, field), msg, type)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
