package api.posts;

import api.web.RequestValidationError;
import api.web.RequestValidationError.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The body of {@code POST /posts} and {@code PUT /posts/{id}} (a full replace; other fields are ignored). */
public record NewPost(String title, String content, boolean published) {
    static final int MAX_TITLE_CHARS = 255;
    /** MySQL's TEXT column holds 64 KiB; longer content would fail in the database instead of here. */
    static final int MAX_CONTENT_BYTES = 65_535;

    static NewPost from(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        String title = text(body, "title", errors);
        String content = text(body, "content", errors);
        boolean published = true;
        JsonNode publishedNode = body == null ? null : body.get("published");
        if (publishedNode != null && !publishedNode.isNull()) {
            if (publishedNode.isBoolean()) {
                published = publishedNode.booleanValue();
            } else {
                errors.add(error("published", "value could not be parsed to a boolean", "type_error.bool"));
            }
        }
        if (title != null && title.codePointCount(0, title.length()) > MAX_TITLE_CHARS) {
            errors.add(error("title", "ensure this value has at most " + MAX_TITLE_CHARS + " characters",
                    "value_error.any_str.max_length"));
        }
        if (content != null && content.getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES) {
            errors.add(error("content", "ensure this value has at most " + MAX_CONTENT_BYTES + " bytes in UTF-8",
                    "value_error.any_str.max_length"));
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationError(errors);
        }
        return new NewPost(title, content, published);
    }

    private static String text(JsonNode body, String field, List<FieldError> errors) {
        JsonNode value = body == null ? null : body.get(field);
        if (value == null || value.isNull()) {
            errors.add(error(field, "field required", "value_error.missing"));
            return null;
        }
        if (!value.isTextual()) {
            errors.add(error(field, "str type expected", "type_error.str"));
            return null;
        }
        return value.asText();
    }

    private static FieldError error(String field, String msg, String type) {
        return new FieldError(List.of("body", field), msg, type);
    }
}
