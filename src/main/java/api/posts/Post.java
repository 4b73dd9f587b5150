package api.posts;

import io.javalin.openapi.OpenApiName;
import java.time.Instant;

public record Post(long id, String title, String content, boolean published,
                   @OpenApiName("created_at") Instant createdAt, @OpenApiName("owner_id") long ownerId,
                   Owner owner) {

    /** The author, as embedded in every post. */
    public record Owner(long id, String email, @OpenApiName("created_at") Instant createdAt) {}
}
