package api.users;

/** What login needs from a user row. */
public record Credentials(long id, String password, boolean disabled) {}
