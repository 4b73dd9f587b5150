package api.users;

import api.web.Json;
import api.web.RequestValidationError;
import api.web.RequestValidationError.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** Login input: the OAuth2 password form ({@code username}, {@code password}) or JSON {@code {email, password}}. */
record Login(String username, String password) {

    static Login from(Context ctx) {
        String contentType = ctx.contentType();
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return fromJson(Json.body(ctx));
        }
        List<FieldError> errors = new ArrayList<>();
        String username = required(ctx.formParam("username"), "username", errors);
        String password = required(ctx.formParam("password"), "password", errors);
        if (!errors.isEmpty()) {
            throw new RequestValidationError(errors);
        }
        return new Login(username, password);
    }

    private static Login fromJson(JsonNode body) {
        String userField = body != null && body.has("username") && !body.has("email") ? "username" : "email";
        List<FieldError> errors = new ArrayList<>();
        String username = NewUser.text(body, userField, errors);
        String password = NewUser.text(body, "password", errors);
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

    /** Emails are stored with a lower-cased domain, so a login must find them the same way. */
    String account() {
        return username.contains("@") ? NewUser.normalise(username) : username;
    }
}
