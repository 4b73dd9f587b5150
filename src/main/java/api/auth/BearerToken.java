package api.auth;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.Optional;

/** The token of {@code Authorization: Bearer <token>}, read as FastAPI's OAuth2PasswordBearer reads it. */
public final class BearerToken {
    private static final String SCHEME = "Bearer ";

    private BearerToken() {}

    /** Empty when there is no Authorization header or it names another scheme. */
    public static Optional<String> of(Context ctx) {
        String header = ctx.header(Header.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(SCHEME.length()).strip());
    }
}
