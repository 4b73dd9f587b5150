package api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Api;
import api.support.CommandRun;
import api.support.MailServer;
import api.support.OnEachDatabase;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An operator lists, disables, enables and hands a reset link to accounts of a running app's database. */
class UsersCommandsTest {

    private static CommandRun.Output run(TestDb db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--database-url=" + db.settings().jdbcUrl());
        if (db.settings().username() != null) {
            all.add("--database-username=" + db.settings().username());
            all.add("--database-password=" + db.settings().password());
        }
        return CommandRun.of(all.toArray(String[]::new));
    }

    private static int login(TestApp app, String email, String password) {
        return app.postForm("/login", Map.of("username", email, "password", password))
                .status();
    }

    private static TestApp app(TestDb db) {
        db.truncateAll();
        return Api.on(db);
    }

    @OnEachDatabase
    void list_shows_each_account_with_its_id_email_and_last_login(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app); // and logged in

        var listed = run(db, "users", "list");

        assertEquals(0, listed.status());
        String line = listed.stdout()
                .lines()
                .filter(l -> l.contains(user.email()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(listed.stdout()));
        assertTrue(line.startsWith(Long.toString(user.id())), line);
        assertTrue(line.matches(".* - +\\d{4}-\\d\\d-\\d\\dT.*Z$"), "not disabled, logged in: " + line);
    }

    @OnEachDatabase
    void a_disabled_account_cannot_use_its_token_and_is_told_why(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        assertEquals(0, run(db, "users", "disable", user.email()).status());

        var refused = app.get("/users/me", user.auth());
        assertEquals(403, refused.status());
        assertEquals("This account is disabled; its owner should contact the service's operator", refused.detail());
    }

    @OnEachDatabase
    void a_disabled_account_cannot_log_in(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        run(db, "users", "disable", user.email());

        var refused = app.postForm("/login", Map.of("username", user.email(), "password", Api.PASSWORD));

        assertEquals(403, refused.status());
        assertTrue(refused.detail().contains("disabled"), refused.detail());
    }

    @OnEachDatabase
    void an_enabled_account_logs_in_again_but_its_tokens_from_before_the_disable_stay_ended(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        run(db, "users", "disable", user.email());

        assertEquals(0, run(db, "users", "enable", user.email()).status());

        assertEquals(401, app.get("/users/me", user.auth()).status());
        assertEquals(200, login(app, user.email(), Api.PASSWORD));
    }

    @OnEachDatabase
    void disable_for_an_email_no_user_has_exits_1(TestDb db) {
        assertEquals(1, run(db, "users", "disable", "nobody-at-all@example.com").status());
    }

    @OnEachDatabase
    void reset_link_prints_a_link_that_sets_a_new_password(TestDb db) {
        db.truncateAll();
        try (TestApp app = TestApp.start(TestConfig.forDb(db), db)) {
            var user = Api.signUp(app);

            var printed = run(db, "users", "reset-link", user.email(), "--public-url=" + MailServer.PUBLIC_URL);

            assertEquals(0, printed.status(), printed.stderr());
            String link = printed.stdout().strip();
            assertTrue(link.startsWith(MailServer.PUBLIC_URL + "/tasks/reset?token="), link);
            String token = link.substring(link.indexOf("token=") + "token=".length());
            var reset = app.postJson("/reset-password", Map.of("token", token, "new_password", "a-new-password"));
            assertEquals(204, reset.status());
            assertEquals(200, login(app, user.email(), "a-new-password"));
        }
    }

    @OnEachDatabase
    void reset_link_without_a_public_url_exits_2_and_says_what_is_missing(TestDb db) {
        var printed = run(db, "users", "reset-link", "someone@example.com");

        assertEquals(2, printed.status());
        assertTrue(printed.stderr().contains("PUBLIC_URL"), printed.stderr());
    }
}
