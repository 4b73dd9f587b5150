package api.users;

import api.web.Json;
import api.web.RequestValidationError;
import api.web.RequestValidationError.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Login input: the OAuth2 password form ({@code username}, {@code password}) or JSON {@code {email, password}}. */
record Login(String username, String password) {
    /** The longest address an email can have (RFC 3696's 64 + 1 + 255). */
    static final int MAX_USERNAME_CHARS = 320;
    static final int MAX_PASSWORD_BYTES = 1024;

    static Login from(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return fromJson(Json.body(ctx));
        }
        List<FieldError> errors = new ArrayList<>();
        String username = required(ctx.formParam("username"), "username", errors);
        String password = required(ctx.formParam("password"), "password", errors);
        return checked(username, "username", password, errors);
    }

    private static Login fromJson(JsonNode body) {
        String userField = body != null && body.has("username") && !body.has("email") ? "username" : "email";
        List<FieldError> errors = new ArrayList<>();
        String username = NewUser.text(body, userField, errors);
        String password = NewUser.text(body, "password", errors);
        return checked(username, userField, password, errors);
    }

    /**
     * No account has a longer email, nor a password over {@link #MAX_PASSWORD_BYTES}: such a login is refused
     * before it queues any bcrypt work, or keeps its large body alive while it waits.
     */
    private static Login checked(String username, String userField, String password, List<FieldError> errors) {
        if (username != null && username.length() > MAX_USERNAME_CHARS) {
            errors.add(NewUser.error(userField, "ensure this value has at most " + MAX_USERNAME_CHARS + " characters",
                    "value_error.any_str.max_length"));
        }
        if (password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            errors.add(NewUser.error("password", "ensure this value has at most " + MAX_PASSWORD_BYTES + " bytes",
                    "value_error.any_str.max_length"));
        }
        if (!errors.isEmpty()) {
            throw new RequestValidationError(errors);
        }
        return new Login(username, password);
    }

    private static String required(String value, String field, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            errors.add(NewUser.error(field, "field required", "value_error.missing"));
        }
        return value;
    }

    String account() {
        return account(username);
    }

    /** Emails are stored with a lower-cased domain, so a login must find them the same way. */
    static String account(String username) {
        return username.contains("@") ? NewUser.normalise(username) : username;
    }
}
