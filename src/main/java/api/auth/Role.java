package api.auth;

import io.javalin.security.RouteRole;

/** Who may call a route. Routes without a role are public. */
public enum Role implements RouteRole {
    /** A user with a bearer token ({@link Auth}). */
    USER,
    /** A user signed in to the task pages with a session cookie ({@code web.PageAuth}); a form POST needs its token. */
    PAGE,
    /** The sign-in and sign-up forms: public, but a POST needs the token of the form it came from ({@code web.PageAuth}). */
    SIGN_IN
}
