package api.posts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.openapi.OpenApiName;

/** A listed post: {@code {"Post": {...}, "votes": n}}, capitalised as the original's clients expect. */
public record PostWithVotes(@JsonProperty("Post") @OpenApiName("Post") Post post, long votes) {}
