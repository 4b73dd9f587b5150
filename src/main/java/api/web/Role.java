package api.web;

import io.javalin.security.RouteRole;

/** Who may call a route. Routes without a role are public. */
public enum Role implements RouteRole {
    USER
}
