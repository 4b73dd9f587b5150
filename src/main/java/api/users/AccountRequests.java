package api.users;

import api.web.FieldErrors;
import com.fasterxml.jackson.databind.JsonNode;

/** The bodies of the account routes, each checked in the contract's field order, every failure reported together. */
final class AccountRequests {
    private AccountRequests() {}

    /** {@code PUT /users/me/password}. */
    record PasswordChange(String currentPassword, String newPassword) {
        static PasswordChange from(JsonNode body) {
            var errors = new FieldErrors();
            String current = errors.text(body, "current_password");
            Login.checkPasswordLength(current, "current_password", errors);
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
            String password = errors.text(body, "password");
            Login.checkPasswordLength(password, "password", errors);
            errors.throwIfAny();
            return new Deletion(password);
        }
    }

    /** {@code POST /password-recovery}. */
    record Recovery(String email) {
        static Recovery from(JsonNode body) {
            var errors = new FieldErrors();
            String email = errors.text(body, "email");
            Login.checkEmailLength(email, "email", errors);
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
}
