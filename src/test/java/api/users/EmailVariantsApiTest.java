package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import api.support.Api;
import api.support.Fixtures;
import api.support.OnEachDatabase;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import java.util.Map;

/**
 * The attack: log into alice@example.com, or get around its counters, by spelling the address another way. Only the
 * spellings that are canonically the same (case, full-width letters) are her account, and they share its counters.
 */
class EmailVariantsApiTest {
    private static final String ALICE = "alice@example.com";
    private static final String FULL_WIDTH_ALICE = "\uff41\uff4c\uff49\uff43\uff45@example.com";

    private static TestApp app(TestDb db) {
        db.truncateAll();
        return Api.on(db);
    }

    private static long signUpAlice(TestApp app) {
        var created = app.postJson("/users", Map.of("email", ALICE, "password", Api.PASSWORD));
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asLong();
    }

    private static TestApp.Response login(TestApp app, String email, String password, String... headers) {
        return app.postForm("/login", Map.of("username", email, "password", password), headers);
    }

    @OnEachDatabase
    void accented_spellings_of_the_email_do_not_log_into_the_account(TestDb db) {
        TestApp app = app(db);
        signUpAlice(app);

        for (String variant :
                new String[] {"alic\u00e9@example.com", "\u00e5lice@example.com", "alice@ex\u00e4mple.com"}) {
            assertEquals(403, login(app, variant, Api.PASSWORD).status(), variant);
        }
    }

    @OnEachDatabase
    void case_and_width_spellings_log_into_the_same_account(TestDb db) {
        TestApp app = app(db);
        long alice = signUpAlice(app);

        for (String variant : new String[] {"ALICE@Example.COM", FULL_WIDTH_ALICE, " alice@example.com "}) {
            var token =
                    login(app, variant, Api.PASSWORD).json().get("access_token").asText();
            assertEquals(
                    alice,
                    app.get("/users/me", Api.bearer(token)).json().get("id").asLong(),
                    variant);
        }
    }

    @OnEachDatabase
    void a_case_spelling_of_a_registered_email_cannot_sign_up_a_second_account(TestDb db) {
        TestApp app = app(db);
        signUpAlice(app);

        var again = app.postJson("/users", Map.of("email", "Alice@Example.com", "password", "password456"));

        assertEquals(409, again.status());
        assertEquals("User with email: Alice@example.com already exists", again.detail());
        assertEquals(1, Fixtures.count(db, "users"));
    }

    @OnEachDatabase
    void a_full_width_spelling_of_a_registered_email_cannot_sign_up_a_second_account(TestDb db) {
        TestApp app = app(db);
        signUpAlice(app);

        var again = app.postJson("/users", Map.of("email", FULL_WIDTH_ALICE, "password", "password456"));

        assertEquals(409, again.status());
        assertEquals(1, Fixtures.count(db, "users"));
    }

    @OnEachDatabase
    void a_full_width_email_signs_up_as_its_ascii_spelling(TestDb db) {
        var created = app(db).postJson("/users", Map.of("email", FULL_WIDTH_ALICE, "password", Api.PASSWORD));

        assertEquals(201, created.status());
        assertEquals(ALICE, created.json().get("email").asText());
    }

    @OnEachDatabase
    void failed_logins_in_case_and_width_spellings_fill_the_one_account_counter(TestDb db) {
        db.truncateAll();
        // one failure per address, so only the account's own counter (ten times that) can fill
        try (TestApp app = TestApp.start(TestConfig.forDb(db, Map.of("LOGIN_MAX_FAILURES", "1")), db)) {
            signUpAlice(app);
            String[] spellings = {
                ALICE, "ALICE@example.com", FULL_WIDTH_ALICE, "Alice@EXAMPLE.com", " alice@example.com"
            };
            for (int address = 1; address <= 10; address++) {
                String spelling = spellings[address % spellings.length];
                assertEquals(
                        403,
                        login(app, spelling, "guess-" + address, "X-Forwarded-For", "203.0.113." + address)
                                .status(),
                        spelling);
            }

            var next = login(app, "aLiCe@example.com", "guess-11", "X-Forwarded-For", "198.51.100.7");

            assertEquals(429, next.status());
        }
    }
}
