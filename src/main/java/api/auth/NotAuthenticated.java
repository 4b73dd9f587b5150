package api.auth;

/** A missing or unusable bearer token: 401 with {@code WWW-Authenticate: Bearer}. */
public final class NotAuthenticated extends RuntimeException {
    public static final String NO_CREDENTIALS = "Not authenticated";
    public static final String INVALID_CREDENTIALS = "Could not validate credentials";

    public NotAuthenticated(String detail) {
        super(detail, null, false, false);
    }
}
