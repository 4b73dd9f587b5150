package api.users;

import java.time.Instant;

/** A user as clients see it: never the password hash. */
public record User(long id, String email, Instant createdAt) {}
