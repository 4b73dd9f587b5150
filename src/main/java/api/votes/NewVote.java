package api.votes;

import api.web.RequestValidationError;
import api.web.RequestValidationError.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The body of {@code POST /vote}: {@code dir} 1 adds the caller's vote, 0 removes it. */
record NewVote(long postId, int dir) {

    static NewVote from(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode postId = body == null ? null : body.get("post_id");
        JsonNode dir = body == null ? null : body.get("dir");
        if (postId == null || postId.isNull()) {
            errors.add(error("post_id", "field required", "value_error.missing"));
        } else if (!postId.canConvertToLong() || !postId.isIntegralNumber()) {
            errors.add(error("post_id", "value is not a valid integer", "type_error.integer"));
        }
        if (dir == null || dir.isNull()) {
            errors.add(error("dir", "field required", "value_error.missing"));
        } else if (!dir.isIntegralNumber() || !dir.canConvertToLong() || (dir.asLong() != 0 && dir.asLong() != 1)) {
            // canConvertToLong: asLong wraps a number past 64 bits, so 2^64 + 1 would read as 1
            errors.add(error("dir", "ensure this value is 0 or 1", "value_error.number.not_le"));
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationError(errors);
        }
        return new NewVote(postId.asLong(), dir.intValue());
    }

    boolean add() {
        return dir == 1;
    }

    private static FieldError error(String field, String msg, String type) {
        return new FieldError(List.of("body", field), msg, type);
    }
}
