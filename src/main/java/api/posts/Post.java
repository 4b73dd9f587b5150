package api.posts;

import java.time.Instant;

public record Post(
        long id, String title, String content, boolean published, Instant createdAt, long ownerId, Owner owner) {

    /** The author, as embedded in every post. */
    public record Owner(long id, String email, Instant createdAt) {}
}
