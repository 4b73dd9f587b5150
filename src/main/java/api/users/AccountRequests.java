package api.users;

import api.web.FieldErrors;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** The bodies of the account routes, each checked in the contract's field order, every failure reported together. */
final class AccountRequests {
    private AccountRequests() {}

    /** {@code PUT /users/me/password}. */
    record PasswordChange(String currentPassword, String newPassword) {
        static PasswordChange from(JsonNode body) {
            var errors = new FieldErrors();
            String current = passwordToCheck(body, "current_password", errors);
            String next = errors.text(body, "new_password");
            NewUser.checkNewPassword(next, "new_password", errors);
            errors.throwIfAny();
            return new PasswordChange(current, next);
        }
    }

    /** {@code DELETE /users/me}. */
    record Deletion(String password) {
        static Deletion from(JsonNode body) {
            var errors = new FieldErrors();
            String password = passwordToCheck(body, "password", errors);
            errors.throwIfAny();
            return new Deletion(password);
        }
    }

    /** {@code POST /password-recovery}. */
    record Recovery(String email) {
        static Recovery from(JsonNode body) {
            var errors = new FieldErrors();
            String email = errors.text(body, "email");
            if (email != null && email.length() > Login.MAX_USERNAME_CHARS) {
                errors.add(
                        "email",
                        "ensure this value has at most " + Login.MAX_USERNAME_CHARS + " characters",
                        "value_error.any_str.max_length");
            }
            errors.throwIfAny();
            return new Recovery(email);
        }
    }

    /** {@code POST /reset-password}. */
    record Reset(String token, String newPassword) {
        static Reset from(JsonNode body) {
            var errors = new FieldErrors();
            String token = errors.text(body, "token");
            String next = errors.text(body, "new_password");
            NewUser.checkNewPassword(next, "new_password", errors);
            errors.throwIfAny();
            return new Reset(token, next);
        }
    }

    /** A password to check against the stored one: as long as a login's may be, and no longer. */
    private static String passwordToCheck(JsonNode body, String field, FieldErrors errors) {
        String password = errors.text(body, field);
        if (password != null && password.getBytes(StandardCharsets.UTF_8).length > Login.MAX_PASSWORD_BYTES) {
            errors.add(
                    field,
                    "ensure this value has at most " + Login.MAX_PASSWORD_BYTES + " bytes",
                    "value_error.any_str.max_length");
        }
        return password;
    }
}
