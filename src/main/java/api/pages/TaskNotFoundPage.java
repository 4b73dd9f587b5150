package api.pages;

import api.auth.Session;

/** {@code tasks/notfound.jte}: the task {@code id} names is not the user's, or not there at all. */
public record TaskNotFoundPage(Session session, String id) {}
