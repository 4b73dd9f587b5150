package api.posts;

import api.web.FieldErrors;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** The body of {@code POST /posts} and {@code PUT /posts/{id}} (a full replace; other fields are ignored). */
public record NewPost(String title, String content, boolean published) {
    static final int MAX_TITLE_CHARS = 255;
    /** MySQL's TEXT column holds 64 KiB; longer content would fail in the database instead of here. */
    static final int MAX_CONTENT_BYTES = 65_535;

    static NewPost from(JsonNode body) {
        var errors = new FieldErrors();
        String title = errors.text(body, "title");
        String content = errors.text(body, "content");
        boolean published = true;
        JsonNode publishedNode = body == null ? null : body.get("published");
        if (publishedNode != null && !publishedNode.isNull()) {
            if (publishedNode.isBoolean()) {
                published = publishedNode.booleanValue();
            } else {
                errors.add("published", "value could not be parsed to a boolean", "type_error.bool");
            }
        }
        if (title != null && title.codePointCount(0, title.length()) > MAX_TITLE_CHARS) {
            errors.add(
                    "title",
                    "ensure this value has at most " + MAX_TITLE_CHARS + " characters",
                    "value_error.any_str.max_length");
        }
        if (content != null && content.getBytes(StandardCharsets.UTF_8).length > MAX_CONTENT_BYTES) {
            errors.add(
                    "content",
                    "ensure this value has at most " + MAX_CONTENT_BYTES + " bytes in UTF-8",
                    "value_error.any_str.max_length");
        }
        errors.throwIfAny();
        return new NewPost(title, content, published);
    }
}
