package api.users;

import api.db.CanonicalEmail;
import api.web.FieldErrors;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The body of {@code POST /users}; {@code email} is the spelling shown, {@link #canonicalEmail} the account's key. */
public record NewUser(String email, String password) {
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    private static final int MAX_EMAIL_LENGTH = 255;

    /** Checks every field in the contract's order and reports all failures together, as FastAPI does. */
    public static NewUser from(JsonNode body) {
        var errors = new FieldErrors();
        String email = errors.text(body, "email");
        if (email != null) {
            email = Normalizer.normalize(email, Normalizer.Form.NFKC); // a full-width address is its ASCII one
        }
        String password = errors.text(body, "password");
        if (email != null && !isEmail(email)) {
            errors.add("email", "value is not a valid email address", "value_error.email");
        }
        checkNewPassword(password, "password", errors);
        errors.throwIfAny();
        return new NewUser(normalise(email), password);
    }

    /** The sign-up rules for a password, wherever one is chosen: at a sign-up, a change or a reset. */
    static void checkNewPassword(String password, String field, FieldErrors errors) {
        if (password == null) {
            return;
        }
        if (password.codePointCount(0, password.length()) < Passwords.MIN_CHARS) {
            errors.add(
                    field,
                    "ensure this value has at least " + Passwords.MIN_CHARS + " characters",
                    "value_error.any_str.min_length");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
            errors.add(
                    field,
                    "ensure this value has at most " + Passwords.MAX_BYTES + " bytes in UTF-8",
                    "value_error.any_str.max_length");
        }
    }

    String canonicalEmail() {
        return CanonicalEmail.of(email);
    }

    static boolean isEmail(String email) {
        return email.length() <= MAX_EMAIL_LENGTH && EMAIL.matcher(email).matches();
    }

    /** Domains are case-insensitive, so the domain is stored lower-cased (as the original's validator did). */
    private static String normalise(String email) {
        int at = email.lastIndexOf('@');
        return email.substring(0, at) + email.substring(at).toLowerCase(Locale.ROOT);
    }
}
