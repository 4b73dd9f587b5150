package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Api;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import api.support.TestDbs;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each test gets a fresh app, so the limiter starts empty; three failures within five minutes block. */
class LoginRateLimitApiTest {
    private final TestDb db = TestDbs.h2();
    private TestApp app;

    @BeforeEach
    void start() {
        db.truncateAll();
        app = TestApp.start(TestConfig.forDb(db, Map.of("LOGIN_MAX_FAILURES", "3", "LOGIN_FAILURE_WINDOW_SECONDS", "300")), db);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private TestApp.Response login(String email, String password, String clientAddress) {
        return app.postForm("/login", Map.of("username", email, "password", password), "X-Forwarded-For", clientAddress);
    }

    @Test
    void failures_up_to_the_limit_are_403_then_429_with_retry_after() {
        var user = Api.signUp(app);
        for (int i = 0; i < 3; i++) {
            assertEquals(403, login(user.email(), "wrong-password", "203.0.113.1").status());
        }

        var blocked = login(user.email(), "wrong-password", "203.0.113.1");

        assertEquals(429, blocked.status());
        long retryAfter = Long.parseLong(blocked.header("Retry-After"));
        assertTrue(retryAfter > 290 && retryAfter <= 300, "Retry-After " + retryAfter);
        assertTrue(blocked.detail().startsWith("Too many failed login attempts"));
    }

    @Test
    void a_blocked_account_is_refused_even_with_the_right_password() {
        var user = Api.signUp(app);
        for (int i = 0; i < 3; i++) {
            login(user.email(), "wrong-password", "203.0.113.1");
        }

        assertEquals(429, login(user.email(), Api.PASSWORD, "203.0.113.1").status());
    }

    @Test
    void an_account_guessed_from_many_addresses_is_blocked_for_all_of_them() {
        var user = Api.signUp(app);
        login(user.email(), "wrong-1", "203.0.113.1");
        login(user.email(), "wrong-2", "203.0.113.2");
        login(user.email(), "wrong-3", "203.0.113.3");

        assertEquals(429, login(user.email(), Api.PASSWORD, "198.51.100.7").status());
    }

    @Test
    void an_address_guessing_many_accounts_is_blocked_but_other_addresses_are_not() {
        var user = Api.signUp(app);
        login("nobody1@example.com", "wrong-password", "203.0.113.9");
        login("nobody2@example.com", "wrong-password", "203.0.113.9");
        login("nobody3@example.com", "wrong-password", "203.0.113.9");

        assertEquals(429, login(user.email(), Api.PASSWORD, "203.0.113.9").status());
        assertEquals(200, login(user.email(), Api.PASSWORD, "198.51.100.7").status());
    }

    @Test
    void unknown_accounts_count_as_failures_like_known_ones() {
        for (int i = 0; i < 3; i++) {
            assertEquals(403, login("nobody@example.com", "wrong-password", "203.0.113.1").status());
        }

        assertEquals(429, login("nobody@example.com", "wrong-password", "198.51.100.1").status());
    }

    @Test
    void a_forwarded_for_header_from_an_untrusted_peer_is_ignored() {
        var user = Api.signUp(app);
        app.close();
        app = TestApp.start(TestConfig.forDb(db, Map.of("LOGIN_MAX_FAILURES", "3", "TRUSTED_PROXIES", "10.9.9.9")), db);
        login("nobody1@example.com", "wrong-password", "203.0.113.1");
        login("nobody2@example.com", "wrong-password", "203.0.113.2");
        login("nobody3@example.com", "wrong-password", "203.0.113.3");

        // all three came from 127.0.0.1, whatever the header claimed
        assertEquals(429, login(user.email(), Api.PASSWORD, "198.51.100.7").status());
    }
}
