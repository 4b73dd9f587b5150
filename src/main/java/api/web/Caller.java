package api.web;

import api.auth.Role;
import api.auth.Session;
import io.javalin.http.Context;

/** Who is calling, as {@link Access} found it before the handler ran; only {@link Access} sets it. */
public final class Caller {
    /** The caller's user id (a {@code Long}); the request log reads it too. */
    public static final String USER_ID = "user_id";

    private static final String SESSION = "page_session";

    private Caller() {}

    static void setUser(Context ctx, long userId) {
        ctx.attribute(USER_ID, userId);
    }

    static void setSession(Context ctx, Session session) {
        ctx.attribute(SESSION, session);
        ctx.attribute(USER_ID, session.userId());
    }

    /** The user of a {@link Role#USER} or {@link Role#PAGE} route. */
    public static long userId(Context ctx) {
        Long id = ctx.attribute(USER_ID);
        if (id == null) {
            throw new IllegalStateException(
                    "no authenticated user on " + ctx.path() + ": is the route marked Role.USER or Role.PAGE?");
        }
        return id;
    }

    /** The session of a {@link Role#PAGE} route. */
    public static Session session(Context ctx) {
        Session session = ctx.attribute(SESSION);
        if (session == null) {
            throw new IllegalStateException("no session on " + ctx.path() + ": is the route marked Role.PAGE?");
        }
        return session;
    }
}
