package api.posts;

import java.time.Instant;

/** One row of the posts query: the post, its owner and its vote count, flat as SQL returns them. */
public record PostRow(
        long id,
        String title,
        String content,
        boolean published,
        Instant createdAt,
        long ownerId,
        String ownerEmail,
        Instant ownerCreatedAt,
        long votes) {

    Post post() {
        return new Post(
                id, title, content, published, createdAt, ownerId, new Post.Owner(ownerId, ownerEmail, ownerCreatedAt));
    }

    PostWithVotes withVotes() {
        return new PostWithVotes(post(), votes);
    }
}
