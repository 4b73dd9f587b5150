package api.posts;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A listed post: {@code {"Post": {...}, "votes": n}}, capitalised as the original's clients expect. */
public record PostWithVotes(@JsonProperty("Post") Post post, long votes) {}
