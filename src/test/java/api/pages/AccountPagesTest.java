package api.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Api;
import api.support.MailServer;
import api.support.OnEachDatabase;
import api.support.RawHttp;
import api.support.SignedIn;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import api.users.Accounts;
import api.users.ResetLinks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The forgotten-password pages and the account page, over real HTTP with a real SMTP server in the test process. */
class AccountPagesTest {
    private static final String NEW_PASSWORD = "新しい合言葉です";
    private static final Map<String, TestApp> APPS = new ConcurrentHashMap<>();
    private static MailServer mail;

    @BeforeAll
    static void startMailServer() {
        mail = MailServer.start();
    }

    @AfterAll
    static void stop() {
        APPS.values().forEach(TestApp::close);
        mail.close();
    }

    /** The app on {@code db} that mails through the test's SMTP server, with the database and the mailbox emptied. */
    private static TestApp app(TestDb db) {
        db.truncateAll();
        mail.empty();
        return APPS.computeIfAbsent(db.name(), name -> {
            var settings = new HashMap<>(mail.settings());
            settings.put("LOGIN_MAX_FAILURES", "1000000");
            return TestApp.start(TestConfig.forDb(db, settings), db);
        });
    }

    /** A form POST as the browser sends it after loading the form: its sign-in cookie and token. */
    private static TestApp.Response submit(TestApp app, String form, Map<String, String> fields) {
        var page = app.get(form);
        Map<String, String> all = new HashMap<>(fields);
        all.put("csrf", SignedIn.csrfOf(page.body()));
        String action = form.contains("?") ? form.substring(0, form.indexOf('?')) : form;
        return app.postForm(action, all, "Cookie", "signin_csrf=" + SignedIn.cookieOf(page, "signin_csrf"));
    }

    private static TestApp.Response forgot(TestApp app, String email) {
        return submit(app, Paths.FORGOT, Map.of("email", email));
    }

    private static String mailedToken() {
        return MailServer.resetToken(mail.message(1));
    }

    private static TestApp.Response reset(TestApp app, String token, String password) {
        return submit(
                app,
                Paths.RESET + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
                Map.of("token", token, "password", password));
    }

    /** A POST of the reset form as a browser holding the sign-in token {@code csrf} sends it. */
    private static TestApp.Response reset(TestApp app, String token, String password, String csrf) {
        return app.postForm(
                Paths.RESET,
                Map.of("token", token, "password", password, "csrf", csrf),
                "Cookie",
                "signin_csrf=" + csrf);
    }

    private static int login(TestApp app, String email, String password) {
        return app.postForm("/login", Map.of("username", email, "password", password))
                .status();
    }

    private static int count(TestDb db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    // --- forgot and reset ---------------------------------------------------------------------------------------

    @Test
    void the_mailed_link_names_the_reset_page() {
        assertEquals(Paths.RESET + "?token=", ResetLinks.PATH);
    }

    @OnEachDatabase
    void the_sign_in_page_links_to_the_forgot_page(TestDb db) {
        assertTrue(app(db).get(Paths.SIGN_IN).body().contains("href=\"" + Paths.FORGOT + "\""));
    }

    @OnEachDatabase
    void a_known_and_an_unknown_email_get_the_same_answer_page(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var known = forgot(app, user.email());
        var unknown = forgot(app, "nobody-at-all@example.com");

        assertEquals(200, known.status());
        assertEquals(known.status(), unknown.status());
        assertEquals(known.body(), unknown.body());
        assertTrue(known.body().contains("a message with a link to reset its password is on its way"));
    }

    @OnEachDatabase
    void the_mailed_link_opens_a_form_that_sets_the_password_and_sends_to_sign_in_with_a_notice(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        forgot(app, user.email());
        String token = mailedToken();

        var form = app.get(Paths.RESET + "?token=" + token);
        var done = reset(app, token, NEW_PASSWORD);

        assertEquals(200, form.status());
        assertEquals("same-origin", form.header("Referrer-Policy"));
        assertTrue(form.body().contains("name=\"token\" value=\"" + token + "\""));
        assertEquals(303, done.status());
        assertEquals(Paths.signInWith("reset"), done.header("Location"));
        assertTrue(app.get(done.header("Location")).body().contains(SignInPages.NOTICES.get("reset")));
        assertEquals(200, login(app, user.email(), NEW_PASSWORD));
        assertEquals(403, login(app, user.email(), Api.PASSWORD));
    }

    @OnEachDatabase
    void a_reset_from_the_page_ends_every_session_and_token(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        var browser = SignedIn.signIn(app, user.id(), user.email(), Api.PASSWORD);
        forgot(app, user.email());

        reset(app, mailedToken(), NEW_PASSWORD);

        assertEquals(303, browser.get(Paths.LIST).status());
        assertEquals(401, app.get("/users/me", user.auth()).status());
    }

    @OnEachDatabase
    void a_used_link_shows_the_one_message_and_changes_nothing(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        forgot(app, user.email());
        String token = mailedToken();
        reset(app, token, NEW_PASSWORD);

        var opened = app.get(Paths.RESET + "?token=" + token);
        var again = reset(app, token, "yet-another-password", SignedIn.cookieOf(opened, "signin_csrf"));

        for (var response : java.util.List.of(opened, again)) {
            assertEquals(400, response.status());
            assertTrue(response.body().contains(Accounts.BAD_LINK), response.body());
            assertFalse(response.body().contains("name=\"password\""));
        }
        assertEquals(200, login(app, user.email(), NEW_PASSWORD));
    }

    @OnEachDatabase
    void an_unknown_or_missing_token_shows_the_one_message(TestDb db) {
        TestApp app = app(db);

        for (String path : java.util.List.of(Paths.RESET + "?token=" + "A".repeat(43), Paths.RESET)) {
            var response = app.get(path);
            assertEquals(400, response.status());
            assertTrue(response.body().contains(Accounts.BAD_LINK), response.body());
        }
    }

    @OnEachDatabase
    void a_new_password_that_breaks_the_sign_up_rules_is_refused_and_keeps_the_link(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        forgot(app, user.email());
        String token = mailedToken();

        var refused = reset(app, token, "short");

        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("ensure this value has at least 8 characters"), refused.body());
        assertEquals(303, reset(app, token, NEW_PASSWORD).status());
    }

    @OnEachDatabase
    void forgot_and_reset_posts_without_the_forms_token_are_403(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var forgotten = app.postForm(Paths.FORGOT, Map.of("email", user.email()));
        var reset = app.postForm(Paths.RESET, Map.of("token", "A".repeat(43), "password", NEW_PASSWORD));

        assertEquals(403, forgotten.status());
        assertEquals(403, reset.status());
        assertEquals(0, mail.received());
    }

    @OnEachDatabase
    void without_a_mail_server_the_forgot_page_says_recovery_is_not_set_up_with_503(TestDb db) {
        db.truncateAll();
        TestApp app = Api.on(db);
        var user = Api.signUp(app);

        var response = forgot(app, user.email());

        assertEquals(503, response.status());
        assertTrue(response.body().contains("Password recovery by email is not set up"), response.body());
    }

    @OnEachDatabase
    void past_the_recovery_limit_the_forgot_page_is_429_with_retry_after(TestDb db) {
        db.truncateAll();
        mail.empty();
        var settings = new HashMap<>(mail.settings());
        settings.put("LOGIN_MAX_FAILURES", "1");
        try (TestApp app = TestApp.start(TestConfig.forDb(db, settings), db)) {
            forgot(app, "someone@example.com");

            var refused = forgot(app, "someone@example.com");

            assertEquals(429, refused.status());
            assertTrue(Long.parseLong(refused.header("Retry-After")) > 0);
            assertTrue(refused.body().contains("Too many requests"), refused.body());
        }
    }

    @OnEachDatabase
    void an_empty_email_re_renders_the_forgot_form_with_400(TestDb db) {
        var response = forgot(app(db), " ");

        assertEquals(400, response.status());
        assertTrue(response.body().contains(AccountPages.MISSING_EMAIL));
    }

    // --- the account page ---------------------------------------------------------------------------------------

    @OnEachDatabase
    void the_account_page_needs_a_session(TestDb db) {
        var response = app(db).get(Paths.ACCOUNT);

        assertEquals(303, response.status());
        assertEquals(Paths.SIGN_IN, response.header("Location"));
    }

    @OnEachDatabase
    void the_signed_in_header_links_to_the_account_page(TestDb db) {
        var browser = SignedIn.newUser(app(db));

        assertTrue(browser.get(Paths.LIST).body().contains("href=\"" + Paths.ACCOUNT + "\""));
        assertEquals(200, browser.get(Paths.ACCOUNT).status());
    }

    @OnEachDatabase
    void changing_the_password_keeps_this_browser_signed_in_and_ends_every_other_session_and_token(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        var here = SignedIn.signIn(app, user.id(), user.email(), Api.PASSWORD);
        var elsewhere = SignedIn.signIn(app, user.id(), user.email(), Api.PASSWORD);

        var done = here.post(
                Paths.ACCOUNT_PASSWORD, Map.of("current_password", Api.PASSWORD, "new_password", NEW_PASSWORD));

        assertEquals(303, done.status());
        assertEquals(Paths.ACCOUNT + "?notice=changed", done.header("Location"));
        String renewed = SignedIn.cookieOf(done, "session");
        var page = app.get(done.header("Location"), "Cookie", "session=" + renewed);
        assertEquals(200, page.status());
        assertTrue(page.body().contains(AccountPages.CHANGED));
        assertEquals(303, here.get(Paths.LIST).status());
        assertEquals(303, elsewhere.get(Paths.LIST).status());
        assertEquals(401, app.get("/users/me", user.auth()).status());
        assertEquals(200, login(app, user.email(), NEW_PASSWORD));
    }

    @OnEachDatabase
    void a_wrong_current_password_is_400_and_changes_nothing(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        var browser = SignedIn.signIn(app, user.id(), user.email(), Api.PASSWORD);

        var refused = browser.post(
                Paths.ACCOUNT_PASSWORD, Map.of("current_password", "wrong-password", "new_password", NEW_PASSWORD));

        assertEquals(400, refused.status());
        assertTrue(refused.body().contains(AccountPages.WRONG_PASSWORD));
        assertEquals(200, browser.get(Paths.LIST).status());
        assertEquals(200, login(app, user.email(), Api.PASSWORD));
    }

    @OnEachDatabase
    void a_new_password_that_breaks_the_sign_up_rules_is_400_and_changes_nothing(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        var browser = SignedIn.signIn(app, user.id(), user.email(), Api.PASSWORD);

        var refused =
                browser.post(Paths.ACCOUNT_PASSWORD, Map.of("current_password", Api.PASSWORD, "new_password", "short"));

        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("ensure this value has at least 8 characters"));
        assertEquals(200, login(app, user.email(), Api.PASSWORD));
    }

    @OnEachDatabase
    void deleting_the_account_signs_out_and_removes_the_user(TestDb db) {
        TestApp app = app(db);
        var browser = SignedIn.newUser(app);

        var done = browser.post(Paths.ACCOUNT_DELETE, Map.of("password", Api.PASSWORD));

        assertEquals(303, done.status());
        assertEquals(Paths.signInWith("deleted"), done.header("Location"));
        assertTrue(SignedIn.setCookie(done, "session").contains("Max-Age=0"));
        assertTrue(app.get(done.header("Location")).body().contains(SignInPages.NOTICES.get("deleted")));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM users"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM sessions"));
    }

    @OnEachDatabase
    void a_wrong_password_deletes_nothing(TestDb db) {
        TestApp app = app(db);
        var browser = SignedIn.newUser(app);

        var refused = browser.post(Paths.ACCOUNT_DELETE, Map.of("password", "wrong-password"));

        assertEquals(400, refused.status());
        assertTrue(refused.body().contains(AccountPages.WRONG_PASSWORD));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM users"));
        assertEquals(200, browser.get(Paths.LIST).status());
    }

    @OnEachDatabase
    void account_posts_without_the_sessions_token_are_403_and_change_nothing(TestDb db) {
        TestApp app = app(db);
        var browser = SignedIn.newUser(app);

        var change = browser.postAsIs(
                Paths.ACCOUNT_PASSWORD, Map.of("current_password", Api.PASSWORD, "new_password", NEW_PASSWORD));
        var delete = browser.postAsIs(Paths.ACCOUNT_DELETE, Map.of("password", Api.PASSWORD));

        assertEquals(403, change.status());
        assertEquals(403, delete.status());
        assertEquals(1, count(db, "SELECT COUNT(*) FROM users"));
        assertEquals(200, login(app, browser.email(), Api.PASSWORD));
        assertNull(SignedIn.setCookie(delete, "session"));
    }

    @OnEachDatabase
    void a_forgot_or_reset_form_over_16_kb_is_413(TestDb db) {
        for (String path : new String[] {Paths.FORGOT, Paths.RESET}) {
            var response = RawHttp.post(
                    app(db).port(), path, "application/x-www-form-urlencoded", "password=" + "p".repeat(17_000));
            assertEquals(413, response.status(), path);
        }
    }
}
