package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mindrot.jbcrypt.BCrypt;

class PasswordsTest {
    /** Written by passlib for the original app. */
    private static final String PASSLIB_HASH = "$2b$12$HKOMVWwZi.G9TTDttNYQtOS7Fww5RrreYp0lqnceqsG4pBC2Suaga";

    private final Passwords passwords = new Passwords(4);

    @Test
    void a_passlib_2b_hash_verifies_its_password() {
        assertTrue(passwords.matches("password123", PASSLIB_HASH));
    }

    @Test
    void a_passlib_2b_hash_rejects_a_wrong_password() {
        assertFalse(passwords.matches("password124", PASSLIB_HASH));
    }

    @Test
    void a_2y_hash_verifies_like_its_2a_twin() {
        String hash = passwords.hash("correct horse");
        assertTrue(passwords.matches("correct horse", "$2y$" + hash.substring(4)));
    }

    @Test
    void a_new_hash_uses_the_configured_cost_and_verifies() {
        String hash = passwords.hash("correct horse");
        assertTrue(hash.startsWith("$2a$04$"));
        assertTrue(passwords.matches("correct horse", hash));
        assertFalse(passwords.matches("correct horsE", hash));
    }

    @Test
    void something_that_is_not_a_bcrypt_hash_matches_nothing() {
        assertFalse(passwords.matches("password123", "plain text in the password column"));
    }

    @Test
    void only_the_2b_and_2y_prefixes_are_rewritten() {
        assertEquals("$2a$12$abc", Passwords.normalise("$2b$12$abc"));
        assertEquals("$2a$12$abc", Passwords.normalise("$2y$12$abc"));
        assertEquals("$2x$12$abc", Passwords.normalise("$2x$12$abc"));
    }

    @Test
    void the_dummy_check_runs_bcrypt_at_the_configured_cost() {
        var costly = new Passwords(10);

        // bcrypt's work is fixed by the cost in the salt; a malformed dummy would fail fast instead of hashing
        assertTrue(costly.dummyHash().startsWith("$2a$10$"), costly.dummyHash());
        assertEquals(60, BCrypt.hashpw("password123", costly.dummyHash()).length());
    }
}
