package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Fixtures;
import api.support.MutableClock;
import api.support.OnEachDatabase;
import api.support.TestDb;
import java.time.Duration;
import java.time.Instant;

/** Three failures per network and per account and network, thirty per account, in fixed five-minute windows. */
class LoginFailuresTest {
    /** Ten seconds into a window that ends at 00:05:00. */
    private static final Instant START = Instant.parse("2030-01-01T00:00:10Z");

    private final MutableClock clock = new MutableClock(START);

    private LoginFailures failures(TestDb db) {
        db.truncateAll();
        return new LoginFailures(db.jdbi().onDemand(LoginFailureDao.class), 3, Duration.ofMinutes(5), clock);
    }

    private static int stored(TestDb db, String kind, String value) {
        return db.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT COALESCE(SUM(failures), 0) FROM login_failures WHERE counter_key = ?")
                        .bind(0, LoginFailures.key(kind, value))
                        .mapTo(Integer.class)
                        .one());
    }

    private static void fail(LoginFailures failures, String address, String account, int times) {
        for (int i = 0; i < times; i++) {
            assertFalse(failures.reserve(address, account).refused(), "failure " + (i + 1) + " from " + address);
        }
    }

    @OnEachDatabase
    void past_the_limit_a_login_is_refused_until_the_window_ends(TestDb db) {
        LoginFailures failures = failures(db);
        fail(failures, "203.0.113.1", "a@example.com", 3);

        var refused = failures.reserve("203.0.113.1", "b@example.com");

        assertTrue(refused.refused());
        assertEquals(290, refused.retryAfterSeconds());
    }

    @OnEachDatabase
    void a_new_window_starts_with_empty_counters(TestDb db) {
        LoginFailures failures = failures(db);
        fail(failures, "203.0.113.1", "a@example.com", 3);

        clock.advance(Duration.ofSeconds(290));

        assertFalse(failures.reserve("203.0.113.1", "a@example.com").refused());
    }

    @OnEachDatabase
    void a_given_back_reservation_frees_its_place_on_every_counter(TestDb db) {
        LoginFailures failures = failures(db);
        fail(failures, "203.0.113.1", "a@example.com", 2);

        failures.giveBack(failures.reserve("203.0.113.1", "a@example.com"));

        assertEquals(2, stored(db, "network", "203.0.113.1"));
        assertEquals(2, stored(db, "account-network", "a@example.com\n203.0.113.1"));
        assertEquals(2, stored(db, "account", "a@example.com"));
    }

    @OnEachDatabase
    void the_account_counts_failures_from_every_network_up_to_ten_times_the_limit(TestDb db) {
        LoginFailures failures = failures(db);
        for (int network = 1; network <= 10; network++) {
            fail(failures, "203.0.113." + network, "a@example.com", 3);
        }

        assertTrue(failures.reserve("198.51.100.1", "A@Example.com ").refused());
        assertFalse(failures.reserve("198.51.100.1", "b@example.com").refused());
    }

    @OnEachDatabase
    void a_refused_login_keeps_no_place_on_the_counters_it_passed(TestDb db) {
        LoginFailures failures = failures(db);
        for (int network = 1; network <= 10; network++) {
            fail(failures, "203.0.113." + network, "a@example.com", 3);
        }

        failures.reserve("198.51.100.1", "a@example.com");

        assertEquals(0, stored(db, "network", "198.51.100.1"));
        assertEquals(0, stored(db, "account-network", "a@example.com\n198.51.100.1"));
    }

    @OnEachDatabase
    void a_network_past_its_limit_never_touches_the_accounts_counter(TestDb db) {
        LoginFailures failures = failures(db);
        fail(failures, "203.0.113.1", "a@example.com", 3);

        for (int i = 0; i < 20; i++) {
            failures.reserve("203.0.113.1", "a@example.com");
        }

        assertEquals(3, stored(db, "account", "a@example.com"));
    }

    @OnEachDatabase
    void no_stored_key_holds_the_email_and_every_key_is_a_sha256(TestDb db) {
        LoginFailures failures = failures(db);
        fail(failures, "203.0.113.1", "Someone.Secret@Example.com", 1);

        var keys = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT counter_key FROM login_failures")
                        .mapTo(String.class)
                        .list());

        assertEquals(3, keys.size());
        for (String key : keys) {
            assertTrue(key.matches("[0-9a-f]{64}"), key);
        }
        assertEquals(1, stored(db, "account", "someone.secret@example.com"));
    }

    @OnEachDatabase
    void delete_ended_removes_the_counters_of_ended_windows_only(TestDb db) {
        LoginFailures failures = failures(db);
        fail(failures, "203.0.113.1", "a@example.com", 1);
        clock.advance(Duration.ofMinutes(5));
        fail(failures, "203.0.113.1", "a@example.com", 1);

        assertEquals(3, failures.deleteEnded());

        assertEquals(3, Fixtures.count(db, "login_failures"));
        assertEquals(1, stored(db, "network", "203.0.113.1"));
    }
}
