package api.auth;

import java.time.Instant;

/** A signed-in user of the task pages: who, the token every form of theirs must carry, and when it ends. */
public record Session(long userId, String email, String csrf, Instant expiresAt) {}
