package api.web;

import api.auth.Auth;
import api.auth.Csrf;
import api.auth.Role;
import api.auth.Session;
import api.auth.Sessions;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * Guards the task pages as {@link Auth} guards the API, before the handler runs: a {@link Role#PAGE} route needs a
 * live session (else 303 to the sign-in page), and every POST of a {@link Role#PAGE} or {@link Role#SIGN_IN} route
 * must come from this site and carry its form's token, else 403 and nothing changes.
 */
public final class PageAuth {
    public static final String SIGN_IN_PATH = "/tasks/login";
    static final String FORGED =
            "This form did not come from this site, or it has expired: reload the page and try again.";
    private static final String SESSION = "page_session";

    private final Sessions sessions;
    private final ClientIp clientIp;

    public PageAuth(Sessions sessions, ClientIp clientIp) {
        this.sessions = sessions;
        this.clientIp = clientIp;
    }

    public void check(Context ctx) {
        boolean page = ctx.routeRoles().contains(Role.PAGE);
        if (!page && !ctx.routeRoles().contains(Role.SIGN_IN)) {
            return;
        }
        boolean post = ctx.method() == HandlerType.POST;
        if (post && Csrf.crossSite(ctx.header("Origin"), ctx.header("Sec-Fetch-Site"), ctx.header("Host"))) {
            throw ApiError.forbidden(FORGED);
        }
        if (!page) {
            if (post && !Csrf.matches(ctx.cookie(Csrf.SIGN_IN_COOKIE), ctx.formParam(Csrf.FIELD))) {
                throw ApiError.forbidden(FORGED);
            }
            return;
        }
        String cookie = ctx.cookie(Sessions.COOKIE);
        Optional<Session> session = sessions.find(cookie);
        if (session.isEmpty()) {
            if (cookie != null) {
                ctx.res().addHeader("Set-Cookie", Sessions.clearedCookie(clientIp.overHttps(ctx)));
            }
            ctx.redirect(SIGN_IN_PATH, HttpStatus.SEE_OTHER);
            return;
        }
        if (post && !Csrf.matches(session.get().csrf(), ctx.formParam(Csrf.FIELD))) {
            throw ApiError.forbidden(FORGED);
        }
        ctx.attribute(SESSION, session.get());
        ctx.attribute(Auth.USER_ID, session.get().userId()); // the request log's user
    }

    /** The session {@link #check} found; only call it from handlers of {@link Role#PAGE} routes. */
    public static Session session(Context ctx) {
        Session session = ctx.attribute(SESSION);
        if (session == null) {
            throw new IllegalStateException("no session on " + ctx.path() + ": is the route marked Role.PAGE?");
        }
        return session;
    }
}
