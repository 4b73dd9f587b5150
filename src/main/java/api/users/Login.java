package api.users;

import api.db.CanonicalEmail;
import api.web.FieldErrors;
import api.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/** Login input: the OAuth2 password form ({@code username}, {@code password}) or JSON {@code {email, password}}. */
public record Login(String username, String password) {
    /** The longest address an email can have (RFC 3696's 64 + 1 + 255). */
    public static final int MAX_USERNAME_CHARS = 320;

    public static final int MAX_PASSWORD_BYTES = 1024;

    static Login from(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return fromJson(Json.body(ctx));
        }
        var errors = new FieldErrors();
        String username = required(ctx.formParam("username"), "username", errors);
        String password = required(ctx.formParam("password"), "password", errors);
        return checked(username, "username", password, errors);
    }

    private static Login fromJson(JsonNode body) {
        String userField = body != null && body.has("username") && !body.has("email") ? "username" : "email";
        var errors = new FieldErrors();
        String username = errors.text(body, userField);
        String password = errors.text(body, "password");
        return checked(username, userField, password, errors);
    }

    /**
     * No account has a longer email, nor a password over {@link #MAX_PASSWORD_BYTES}: such a login is refused
     * before it queues any bcrypt work, or keeps its large body alive while it waits.
     */
    private static Login checked(String username, String userField, String password, FieldErrors errors) {
        checkEmailLength(username, userField, errors);
        checkPasswordLength(password, "password", errors);
        errors.throwIfAny();
        return new Login(username, password);
    }

    /** No account has an email this long. */
    public static boolean emailTooLong(String email) {
        return email.length() > MAX_USERNAME_CHARS;
    }

    /** No account has a password this long: refused before any bcrypt work. */
    public static boolean passwordTooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }

    static void checkEmailLength(String email, String field, FieldErrors errors) {
        if (email != null && emailTooLong(email)) {
            errors.add(
                    field,
                    "ensure this value has at most " + MAX_USERNAME_CHARS + " characters",
                    "value_error.any_str.max_length");
        }
    }

    /** For a password checked against the stored one, which is as long as a login's may be and no longer. */
    static void checkPasswordLength(String password, String field, FieldErrors errors) {
        if (password != null && passwordTooLong(password)) {
            errors.add(
                    field,
                    "ensure this value has at most " + MAX_PASSWORD_BYTES + " bytes",
                    "value_error.any_str.max_length");
        }
    }

    private static String required(String value, String field, FieldErrors errors) {
        if (value == null || value.isEmpty()) {
            errors.missing(field);
        }
        return value;
    }

    String account() {
        return account(username);
    }

    /** Accounts are found, and their failures counted, by the canonical email: case and width variants are one. */
    public static String account(String username) {
        return CanonicalEmail.of(username);
    }
}
