package api.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Api;
import api.support.OnEachDatabase;
import api.support.SignedIn;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import api.support.TestDbs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sign-in, sign-up and sign-out forms of the task pages, over real HTTP. */
class SignInPagesTest {

    private static TestApp app(TestDb db) {
        db.truncateAll();
        return Api.on(db);
    }

    /** A form POST as the browser sends it after loading the form: its sign-in cookie and token, plus {@code headers}. */
    private static TestApp.Response submit(TestApp app, String form, Map<String, String> fields, String... headers) {
        var page = app.get(form);
        Map<String, String> all = new HashMap<>(fields);
        all.put("csrf", SignedIn.csrfOf(page.body()));
        List<String> allHeaders =
                new ArrayList<>(List.of("Cookie", "signin_csrf=" + SignedIn.cookieOf(page, "signin_csrf")));
        allHeaders.addAll(List.of(headers));
        return app.postForm(form, all, allHeaders.toArray(String[]::new));
    }

    private static TestApp.Response signIn(TestApp app, String email, String password, String... headers) {
        return submit(app, "/tasks/login", Map.of("email", email, "password", password), headers);
    }

    private static int count(TestDb db, String table) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Integer.class)
                        .one());
    }

    // --- sign-in ----------------------------------------------------------------------------------------------

    @OnEachDatabase
    void the_sign_in_form_asks_for_email_and_password_and_carries_a_token_its_cookie_repeats(TestDb db) {
        var page = app(db).get("/tasks/login");

        assertEquals(200, page.status());
        assertTrue(page.body().contains("name=\"email\""));
        assertTrue(page.body().contains("type=\"password\""));
        String token = SignedIn.csrfOf(page.body());
        assertEquals(
                "signin_csrf=" + token + "; Path=/tasks; HttpOnly; SameSite=Strict",
                SignedIn.setCookie(page, "signin_csrf"));
    }

    @OnEachDatabase
    void signing_in_is_303_to_the_tasks_with_an_httponly_lax_session_cookie(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = signIn(app, user.email(), Api.PASSWORD);

        assertEquals(303, response.status());
        assertEquals("/tasks/", response.header("Location"));
        String cookie = SignedIn.setCookie(response, "session");
        assertTrue(cookie.matches("session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax"), cookie);
        assertEquals(
                200,
                app.get("/tasks/", "Cookie", cookie.substring(0, cookie.indexOf(';')))
                        .status());
    }

    @OnEachDatabase
    void the_database_holds_only_a_hash_of_the_session_cookie(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        String cookie = SignedIn.cookieOf(signIn(app, user.email(), Api.PASSWORD), "session");

        List<String> stored = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT id_hash FROM sessions")
                        .mapTo(String.class)
                        .list());

        assertEquals(1, stored.size());
        assertFalse(stored.get(0).contains(cookie));
        assertTrue(stored.get(0).matches("[0-9a-f]{64}"), stored.get(0));
    }

    @OnEachDatabase
    void a_wrong_password_and_an_unknown_email_re_render_the_form_with_400_and_one_message(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var wrongPassword = signIn(app, user.email(), "wrong-password");
        var unknownEmail = signIn(app, "nobody@example.com", Api.PASSWORD);

        for (var response : List.of(wrongPassword, unknownEmail)) {
            assertEquals(400, response.status());
            assertTrue(response.body().contains(SignInPages.WRONG_CREDENTIALS), response.body());
            assertNull(SignedIn.setCookie(response, "session"));
        }
        assertTrue(unknownEmail.body().contains("value=\"nobody@example.com\""));
        assertEquals(0, count(db, "sessions"));
    }

    @OnEachDatabase
    void a_disabled_account_with_the_right_password_sees_the_disabled_message_and_no_session(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        db.jdbi()
                .useHandle(h -> h.createUpdate("UPDATE users SET disabled_at = CURRENT_TIMESTAMP WHERE id = :id")
                        .bind("id", user.id())
                        .execute());

        var response = signIn(app, user.email(), Api.PASSWORD);

        assertEquals(403, response.status());
        assertTrue(response.body().contains(SignInPages.DISABLED), response.body());
        assertNull(SignedIn.setCookie(response, "session"));
    }

    @OnEachDatabase
    void an_empty_field_re_renders_the_form_with_400(TestDb db) {
        var response = signIn(app(db), "someone@example.com", "");
        assertEquals(400, response.status());
        assertTrue(response.body().contains(SignInPages.MISSING_CREDENTIALS));
    }

    @OnEachDatabase
    void sign_in_without_the_forms_token_is_403_and_starts_no_session(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.postForm("/tasks/login", Map.of("email", user.email(), "password", Api.PASSWORD));

        assertEquals(403, response.status());
        assertEquals(0, count(db, "sessions"));
    }

    @OnEachDatabase
    void sign_in_from_another_site_is_403_and_starts_no_session(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = signIn(app, user.email(), Api.PASSWORD, "Origin", "https://evil.example");

        assertEquals(403, response.status());
        assertEquals(0, count(db, "sessions"));
    }

    @OnEachDatabase
    void a_sign_in_body_over_16_kb_is_413(TestDb db) {
        var response = signIn(app(db), "a@example.com", "p".repeat(17_000));
        assertEquals(413, response.status());
    }

    @Test
    void the_session_cookie_is_secure_when_a_trusted_proxy_says_https() {
        TestApp app = app(TestDbs.h2()); // 127.0.0.1, the test client, is a trusted proxy by default
        var user = Api.signUp(app);

        var response = signIn(app, user.email(), Api.PASSWORD, "X-Forwarded-Proto", "https");

        assertTrue(SignedIn.setCookie(response, "session").endsWith("; HttpOnly; SameSite=Lax; Secure"));
    }

    @Test
    void an_untrusted_peers_x_forwarded_proto_does_not_make_the_cookie_secure() {
        TestDb db = TestDbs.h2();
        db.truncateAll();
        try (TestApp app = TestApp.start(TestConfig.forDb(db, Map.of("TRUSTED_PROXIES", "192.0.2.1")), db)) {
            var user = Api.signUp(app);

            var response = signIn(app, user.email(), Api.PASSWORD, "X-Forwarded-Proto", "https");

            assertEquals(303, response.status());
            assertFalse(SignedIn.setCookie(response, "session").contains("Secure"));
        }
    }

    @Test
    void too_many_failed_sign_ins_re_render_the_form_with_429_and_retry_after() {
        TestDb db = TestDbs.h2();
        db.truncateAll();
        try (TestApp app = TestApp.start(TestConfig.forDb(db, Map.of("LOGIN_MAX_FAILURES", "3")), db)) {
            var user = Api.signUp(app);
            for (int i = 0; i < 3; i++) {
                assertEquals(
                        400,
                        signIn(app, user.email(), "wrong-password", "X-Forwarded-For", "203.0.113.1")
                                .status());
            }

            var blocked = signIn(app, user.email(), "wrong-password", "X-Forwarded-For", "203.0.113.1");

            assertEquals(429, blocked.status());
            assertTrue(Long.parseLong(blocked.header("Retry-After")) > 0);
            assertTrue(blocked.body().contains("Too many failed sign-ins"), blocked.body());
        }
    }

    @Test
    void failures_at_post_login_count_against_the_sign_in_page_too() {
        TestDb db = TestDbs.h2();
        db.truncateAll();
        try (TestApp app = TestApp.start(TestConfig.forDb(db, Map.of("LOGIN_MAX_FAILURES", "3")), db)) {
            var user = Api.signUp(app);
            for (int i = 0; i < 3; i++) {
                app.postForm(
                        "/login",
                        Map.of("username", user.email(), "password", "wrong"),
                        "X-Forwarded-For",
                        "203.0.113.2");
            }

            assertEquals(
                    429,
                    signIn(app, user.email(), "wrong-password", "X-Forwarded-For", "203.0.113.2")
                            .status());
        }
    }

    // --- sign-up ----------------------------------------------------------------------------------------------

    @OnEachDatabase
    void signing_up_creates_the_account_and_signs_in(TestDb db) {
        TestApp app = app(db);
        String email = Api.uniqueEmail();

        var response = submit(app, "/tasks/signup", Map.of("email", email, "password", Api.PASSWORD));

        assertEquals(303, response.status());
        assertEquals("/tasks/", response.header("Location"));
        String cookie = SignedIn.cookieOf(response, "session");
        assertTrue(app.get("/tasks/", "Cookie", "session=" + cookie).body().contains(email));
        assertEquals(
                200,
                app.postForm("/login", Map.of("username", email, "password", Api.PASSWORD))
                        .status());
    }

    @OnEachDatabase
    void sign_up_by_post_users_rules_re_renders_the_form_with_400_and_a_message_per_field(TestDb db) {
        TestApp app = app(db);

        var response = submit(app, "/tasks/signup", Map.of("email", "not-an-email", "password", "short"));

        assertEquals(400, response.status());
        assertTrue(response.body().contains("value is not a valid email address"), response.body());
        assertTrue(response.body().contains("ensure this value has at least 8 characters"));
        assertTrue(response.body().contains("value=\"not-an-email\""));
        assertEquals(0, count(db, "users"));
    }

    @OnEachDatabase
    void sign_up_with_a_taken_email_is_409_and_makes_no_second_account(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = submit(app, "/tasks/signup", Map.of("email", user.email(), "password", "another-password"));

        assertEquals(409, response.status());
        assertTrue(response.body().contains(SignInPages.TAKEN));
        assertEquals(1, count(db, "users"));
        assertEquals(0, count(db, "sessions"));
    }

    @OnEachDatabase
    void sign_up_from_another_site_is_403_and_makes_no_account(TestDb db) {
        TestApp app = app(db);

        var response = submit(
                app,
                "/tasks/signup",
                Map.of("email", Api.uniqueEmail(), "password", Api.PASSWORD),
                "Sec-Fetch-Site",
                "cross-site");

        assertEquals(403, response.status());
        assertEquals(0, count(db, "users"));
    }

    // --- sign-out ---------------------------------------------------------------------------------------------

    @OnEachDatabase
    void signing_out_ends_the_session_and_clears_the_cookie(TestDb db) {
        SignedIn user = SignedIn.newUser(app(db));

        var response = user.post("/tasks/logout", Map.of());

        assertEquals(303, response.status());
        assertEquals("/tasks/login", response.header("Location"));
        assertEquals("session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax", SignedIn.setCookie(response, "session"));
        assertEquals(0, count(db, "sessions"));
        assertEquals(303, user.get("/tasks/").status());
    }

    @OnEachDatabase
    void sign_out_without_the_token_is_403_and_the_session_lives_on(TestDb db) {
        SignedIn user = SignedIn.newUser(app(db));

        var response = user.postAsIs("/tasks/logout", Map.of());

        assertEquals(403, response.status());
        assertEquals(200, user.get("/tasks/").status());
    }
}
