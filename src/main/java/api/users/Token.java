package api.users;

/** The login answer, as OAuth2's password flow expects it. */
public record Token(String accessToken, String tokenType) {}
