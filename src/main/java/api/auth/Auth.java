package api.auth;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Checks the bearer token of routes marked {@link Role#USER}. It runs before the handler, so an
 * unauthenticated request is answered 401 before its body is even read.
 */
public final class Auth {
    /** The caller's user id (a {@code Long}); the request log reads it too. */
    public static final String USER_ID = "user_id";

    private final Tokens tokens;
    private final ConfirmedUsers users;

    public Auth(Tokens tokens, ConfirmedUsers users) {
        this.tokens = tokens;
        this.users = users;
    }

    public void check(Context ctx) {
        if (!ctx.routeRoles().contains(Role.USER)) {
            return;
        }
        String token = BearerToken.of(ctx).orElseThrow(() -> new NotAuthenticated(NotAuthenticated.NO_CREDENTIALS));
        Optional<Tokens.Verified> verified = tokens.verify(token);
        // A valid signature is not enough: the account may have been deleted, or its tokens ended, since the token was
        // issued.
        Optional<AccountStatus> status = verified.flatMap(v -> users.status(v.userId()));
        if (status.isEmpty()) {
            throw new NotAuthenticated(NotAuthenticated.INVALID_CREDENTIALS);
        }
        // disabled first: a disable also ends the tokens, yet their holder should learn why they stopped working
        if (status.get().disabled()) {
            throw new AccountDisabled();
        }
        if (!status.get().accepts(verified.get().issuedAt())) {
            throw new NotAuthenticated(NotAuthenticated.INVALID_CREDENTIALS);
        }
        ctx.attribute(USER_ID, verified.get().userId());
    }

    /** The id {@link #check} stored; only call it from handlers of {@link Role#USER} routes. */
    public static long userId(Context ctx) {
        Long id = ctx.attribute(USER_ID);
        if (id == null) {
            throw new IllegalStateException(
                    "no authenticated user on " + ctx.path() + ": is the route marked Role.USER?");
        }
        return id;
    }
}
