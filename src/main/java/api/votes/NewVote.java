package api.votes;

import api.web.FieldErrors;
import com.fasterxml.jackson.databind.JsonNode;

/** The body of {@code POST /vote}: {@code dir} 1 adds the caller's vote, 0 removes it. */
record NewVote(long postId, int dir) {

    static NewVote from(JsonNode body) {
        var errors = new FieldErrors();
        JsonNode postId = body == null ? null : body.get("post_id");
        JsonNode dir = body == null ? null : body.get("dir");
        if (postId == null || postId.isNull()) {
            errors.missing("post_id");
        } else if (!postId.canConvertToLong() || !postId.isIntegralNumber()) {
            errors.add("post_id", "value is not a valid integer", "type_error.integer");
        }
        if (dir == null || dir.isNull()) {
            errors.missing("dir");
        } else if (!dir.isIntegralNumber() || !dir.canConvertToLong() || (dir.asLong() != 0 && dir.asLong() != 1)) {
            // canConvertToLong: asLong wraps a number past 64 bits, so 2^64 + 1 would read as 1
            errors.add("dir", "ensure this value is 0 or 1", "value_error.number.not_le");
        }
        errors.throwIfAny();
        return new NewVote(postId.asLong(), dir.intValue());
    }

    boolean add() {
        return dir == 1;
    }
}
