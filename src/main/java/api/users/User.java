package api.users;

import io.javalin.openapi.OpenApiName;
import java.time.Instant;

/** A user as clients see it: never the password hash. */
public record User(long id, String email, @OpenApiName("created_at") Instant createdAt) {}
