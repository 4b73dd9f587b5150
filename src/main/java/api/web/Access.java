package api.web;

import api.auth.AccountDisabled;
import api.auth.AccountStatus;
import api.auth.BearerToken;
import api.auth.ConfirmedUsers;
import api.auth.Csrf;
import api.auth.NotAuthenticated;
import api.auth.OpsToken;
import api.auth.Role;
import api.auth.Session;
import api.auth.Sessions;
import api.auth.Tokens;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import java.util.Set;

/**
 * The one access rule: runs before every matched route, decides the {@link Role} the route table gave it and sets
 * the {@link Caller}, so a refused request is answered before its body is even read. A route without exactly one
 * role stops the app from being built, and is refused should one slip through.
 */
public final class Access {
    static final String FORGED =
            "This form did not come from this site, or it has expired: reload the page and try again.";
    private static final Set<HandlerType> ENDPOINTS =
            Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final Tokens tokens;
    private final ConfirmedUsers users;
    private final Sessions sessions;
    private final OpsToken ops;
    private final ClientIp clientIp;
    private final String signInPath;

    /** {@code signInPath}: where a {@link Role#PAGE} route sends a browser without a session. */
    public Access(
            Tokens tokens,
            ConfirmedUsers users,
            Sessions sessions,
            OpsToken ops,
            ClientIp clientIp,
            String signInPath) {
        this.tokens = tokens;
        this.users = users;
        this.sessions = sessions;
        this.ops = ops;
        this.clientIp = clientIp;
        this.signInPath = signInPath;
    }

    public void check(Context ctx) {
        switch (roleOf(ctx.routeRoles(), ctx.path())) {
            case PUBLIC -> {}
            case USER -> Caller.setUser(ctx, bearerUser(ctx));
            case PAGE -> page(ctx);
            case SIGN_IN -> signInForm(ctx);
            case OPS -> ops.check(ctx);
        }
    }

    /** For {@code cfg.events.handlerAdded}: every endpoint of the route table names its role. */
    public static void requireRole(HandlerMetaInfo route) {
        if (ENDPOINTS.contains(route.getHttpMethod())) {
            roleOf(route.getRoles(), route.getHttpMethod() + " " + route.getPath());
        }
    }

    private static Role roleOf(Set<?> roles, String route) {
        if (roles.size() != 1 || !(roles.iterator().next() instanceof Role role)) {
            throw new IllegalStateException(route + " must name exactly one api.auth.Role, not " + roles);
        }
        return role;
    }

    private long bearerUser(Context ctx) {
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
        return verified.get().userId();
    }

    /** A live session, else 303 to the sign-in page; a POST must come from this site and carry the session's token. */
    private void page(Context ctx) {
        refuseCrossSitePost(ctx);
        String cookie = ctx.cookie(Sessions.COOKIE);
        Optional<Session> session = sessions.find(cookie);
        if (session.isEmpty()) {
            if (cookie != null) {
                ctx.res().addHeader("Set-Cookie", Sessions.clearedCookie(clientIp.overHttps(ctx)));
            }
            ctx.redirect(signInPath, HttpStatus.SEE_OTHER);
            return;
        }
        if (isPost(ctx) && !Csrf.matches(session.get().csrf(), ctx.formParam(Csrf.FIELD))) {
            throw ApiError.forbidden(FORGED);
        }
        Caller.setSession(ctx, session.get());
    }

    /** Public, but a POST must come from this site and repeat the browser's sign-in token. */
    private static void signInForm(Context ctx) {
        refuseCrossSitePost(ctx);
        if (isPost(ctx) && !Csrf.matches(ctx.cookie(Csrf.SIGN_IN_COOKIE), ctx.formParam(Csrf.FIELD))) {
            throw ApiError.forbidden(FORGED);
        }
    }

    private static void refuseCrossSitePost(Context ctx) {
        if (isPost(ctx) && Csrf.crossSite(ctx.header("Origin"), ctx.header("Sec-Fetch-Site"), ctx.header("Host"))) {
            throw ApiError.forbidden(FORGED);
        }
    }

    private static boolean isPost(Context ctx) {
        return ctx.method() == HandlerType.POST;
    }
}
