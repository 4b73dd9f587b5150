package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Fixtures;
import api.support.MutableClock;
import api.support.OnEachDatabase;
import api.support.SignedIn;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/** The attack: one client creating accounts as fast as it can. Each address gets SIGNUP_MAX_PER_HOUR an hour. */
class SignUpLimitApiTest {
    private static final String ATTACKER = "203.0.113.9";
    private static final String PASSWORD = "password123";

    private final List<TestApp> apps = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T10:59:00Z"));
    private int emails;

    @AfterEach
    void stop() {
        apps.forEach(TestApp::close);
    }

    private TestApp start(TestDb db) {
        db.truncateAll();
        TestApp app = TestApp.start(TestConfig.forDb(db, Map.of("SIGNUP_MAX_PER_HOUR", "2")), db, clock);
        apps.add(app);
        return app;
    }

    private TestApp.Response signUp(TestApp app, String address) {
        return signUp(app, "new" + ++emails + "@example.com", address);
    }

    private static TestApp.Response signUp(TestApp app, String email, String address) {
        return app.postJson("/users", Map.of("email", email, "password", PASSWORD), "X-Forwarded-For", address);
    }

    @OnEachDatabase
    void a_sign_up_past_the_hourly_limit_of_an_address_is_429_with_retry_after_and_makes_no_account(TestDb db) {
        TestApp app = start(db);
        assertEquals(201, signUp(app, ATTACKER).status());
        assertEquals(201, signUp(app, ATTACKER).status());

        var refused = signUp(app, ATTACKER);

        assertEquals(429, refused.status());
        assertEquals("60", refused.header("Retry-After")); // the hour ends at 11:00
        assertEquals("Too many sign-ups from this address; try again later", refused.detail());
        assertEquals(2, Fixtures.count(db, "users"));
    }

    @OnEachDatabase
    void another_address_signs_up_while_one_is_past_its_limit(TestDb db) {
        TestApp app = start(db);
        for (int i = 0; i < 3; i++) {
            signUp(app, ATTACKER);
        }

        assertEquals(201, signUp(app, "198.51.100.7").status());
    }

    @OnEachDatabase
    void sign_ups_with_taken_emails_count_too(TestDb db) {
        TestApp app = start(db);
        assertEquals(201, signUp(app, "taken@example.com", ATTACKER).status());
        assertEquals(409, signUp(app, "taken@example.com", ATTACKER).status());

        assertEquals(429, signUp(app, "taken@example.com", ATTACKER).status());
    }

    @OnEachDatabase
    void the_next_hour_counts_afresh(TestDb db) {
        TestApp app = start(db);
        for (int i = 0; i < 3; i++) {
            signUp(app, ATTACKER);
        }

        clock.advance(Duration.ofMinutes(1));

        assertEquals(201, signUp(app, ATTACKER).status());
    }

    @OnEachDatabase
    void the_sign_up_page_counts_with_post_users_and_answers_429_with_retry_after(TestDb db) {
        TestApp app = start(db);
        signUp(app, ATTACKER);
        signUp(app, ATTACKER);
        var page = app.get("/tasks/signup");

        var refused = app.postForm(
                "/tasks/signup",
                Map.of("email", "page@example.com", "password", PASSWORD, "csrf", SignedIn.csrfOf(page.body())),
                "Cookie",
                "signin_csrf=" + SignedIn.cookieOf(page, "signin_csrf"),
                "X-Forwarded-For",
                ATTACKER);

        assertEquals(429, refused.status());
        assertEquals("60", refused.header("Retry-After"));
        assertTrue(refused.body().contains("Too many sign-ups from this address"), refused.body());
        assertEquals(2, Fixtures.count(db, "users"));
    }

    @OnEachDatabase
    void the_counters_store_no_address(TestDb db) {
        TestApp app = start(db);
        signUp(app, ATTACKER);

        List<String> keys = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT counter_key FROM signup_counts")
                        .mapTo(String.class)
                        .list());

        assertEquals(1, keys.size());
        assertTrue(keys.get(0).matches("[0-9a-f]{64}"), keys.get(0));
    }
}
