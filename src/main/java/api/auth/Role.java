package api.auth;

import io.javalin.security.RouteRole;

/** Who may call a route. Every route in the route table names one; {@code web.Access} decides them all. */
public enum Role implements RouteRole {
    /** Anyone. */
    PUBLIC,
    /** A user with a bearer token. */
    USER,
    /** A user signed in to the pages with a session cookie, else the sign-in page; a form POST needs its token. */
    PAGE,
    /** The sign-in and sign-up forms: public, but a POST needs the token of the form it came from. */
    SIGN_IN,
    /** The operator endpoints: the ops token, or without one a client on this host ({@link OpsToken}). */
    OPS
}
