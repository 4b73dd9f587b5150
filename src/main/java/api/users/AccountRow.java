package api.users;

import java.time.Instant;

/** A line of {@code users list}; {@code disabledAt} and {@code lastLoginAt} are null when it never happened. */
public record AccountRow(long id, String email, Instant createdAt, Instant disabledAt, Instant lastLoginAt) {}
