package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Api;
import api.support.OnEachDatabase;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import java.util.Map;

/** The caller's own account over real HTTP: who it is, a password change, leaving. */
class AccountApiTest {
    private static final String NEW_PASSWORD = "a-new-password";

    private static TestApp app(TestDb db) {
        db.truncateAll();
        return Api.on(db);
    }

    private static TestApp.Response changePassword(TestApp app, Api.Account user, String current, String next) {
        return app.putJson(
                "/users/me/password", Map.of("current_password", current, "new_password", next), user.auth());
    }

    private static TestApp.Response deleteAccount(TestApp app, Api.Account user, String password) {
        return app.send("DELETE", "/users/me", "application/json", "{\"password\": \"" + password + "\"}", user.auth());
    }

    private static int login(TestApp app, String email, String password) {
        return app.postForm("/login", Map.of("username", email, "password", password))
                .status();
    }

    private static int rowsOf(TestDb db, String sql, long userId) {
        return db.jdbi()
                .withHandle(h ->
                        h.createQuery(sql).bind(0, userId).mapTo(Integer.class).one());
    }

    @OnEachDatabase
    void me_answers_the_callers_id_email_and_creation_time(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var me = app.get("/users/me", user.auth());

        assertEquals(200, me.status());
        assertEquals(user.id(), me.json().get("id").asLong());
        assertEquals(user.email(), me.json().get("email").asText());
        assertTrue(me.json().hasNonNull("created_at"));
    }

    @OnEachDatabase
    void a_password_change_is_204_and_only_the_new_password_logs_in(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        assertEquals(204, changePassword(app, user, Api.PASSWORD, NEW_PASSWORD).status());

        assertEquals(200, login(app, user.email(), NEW_PASSWORD));
        assertEquals(403, login(app, user.email(), Api.PASSWORD));
    }

    @OnEachDatabase
    void a_password_change_ends_the_old_token_at_once_on_the_same_instance_despite_the_user_cache(TestDb db) {
        db.truncateAll();
        try (TestApp app = TestApp.start(TestConfig.forDb(db, Map.of("AUTH_USER_CACHE_SECONDS", "3600")), db)) {
            var user = Api.signUp(app);
            assertEquals(200, app.get("/users/me", user.auth()).status()); // now remembered by the cache

            changePassword(app, user, Api.PASSWORD, NEW_PASSWORD);

            assertEquals(401, app.get("/users/me", user.auth()).status());
            String fresh = Api.login(app, user.email(), NEW_PASSWORD);
            assertEquals(200, app.get("/users/me", Api.bearer(fresh)).status());
        }
    }

    @OnEachDatabase
    void a_password_change_ends_the_users_page_sessions(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        db.jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at)"
                                + " VALUES (?, ?, 'csrf', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                        "a".repeat(64),
                        user.id()));

        changePassword(app, user, Api.PASSWORD, NEW_PASSWORD);

        assertEquals(0, rowsOf(db, "SELECT COUNT(*) FROM sessions WHERE user_id = ?", user.id()));
    }

    @OnEachDatabase
    void a_wrong_current_password_is_403_and_counts_as_a_failed_login(TestDb db) {
        db.truncateAll();
        try (TestApp app = TestApp.start(TestConfig.forDb(db, Map.of("LOGIN_MAX_FAILURES", "1")), db)) {
            var user = Api.signUp(app);

            var wrong = changePassword(app, user, "not-the-password", NEW_PASSWORD);

            assertEquals(403, wrong.status());
            assertEquals("Invalid Credentials", wrong.detail());
            assertEquals(429, login(app, user.email(), Api.PASSWORD)); // the one failure allowed is used up
        }
    }

    @OnEachDatabase
    void a_new_password_that_breaks_the_sign_up_rules_is_422_and_changes_nothing(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var tooShort = changePassword(app, user, Api.PASSWORD, "short");

        assertEquals(422, tooShort.status());
        assertEquals("new_password", tooShort.json().at("/detail/0/loc/1").asText());
        assertEquals(200, app.get("/users/me", user.auth()).status());
        assertEquals(200, login(app, user.email(), Api.PASSWORD));
    }

    @OnEachDatabase
    void a_password_change_without_a_token_is_401(TestDb db) {
        TestApp app = app(db);

        var response = app.putJson(
                "/users/me/password", Map.of("current_password", Api.PASSWORD, "new_password", NEW_PASSWORD));

        assertEquals(401, response.status());
    }

    @OnEachDatabase
    void deleting_the_account_removes_every_row_of_it_and_ends_its_token(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app); // its login stored a device
        var other = Api.signUp(app);
        long ownPost = Api.createPost(app, user, "mine");
        long othersPost = Api.createPost(app, other, "theirs");
        app.postJson("/vote", Map.of("post_id", othersPost, "dir", 1), user.auth());
        app.postJson("/vote", Map.of("post_id", ownPost, "dir", 1), other.auth());
        app.postJson("/todos", Map.of("title", "t", "memo", "m", "priority", 3), user.auth());
        login(app, user.email(), "a-wrong-guess"); // a failed-login counter of the account
        db.jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO password_resets (user_id, token_hash, expires_at)"
                                + " VALUES (?, ?, CURRENT_TIMESTAMP)",
                        user.id(),
                        "b".repeat(64)));

        assertEquals(204, deleteAccount(app, user, Api.PASSWORD).status());

        assertEquals(0, rowsOf(db, "SELECT COUNT(*) FROM users WHERE id = ?", user.id()));
        assertEquals(0, rowsOf(db, "SELECT COUNT(*) FROM posts WHERE owner_id = ?", user.id()));
        assertEquals(0, rowsOf(db, "SELECT COUNT(*) FROM votes WHERE user_id = ?", user.id()));
        assertEquals(0, rowsOf(db, "SELECT COUNT(*) FROM votes WHERE post_id = ?", ownPost));
        assertEquals(0, rowsOf(db, "SELECT COUNT(*) FROM tasks WHERE owner_id = ?", user.id()));
        assertEquals(0, rowsOf(db, "SELECT COUNT(*) FROM devices WHERE user_id = ?", user.id()));
        assertEquals(0, rowsOf(db, "SELECT COUNT(*) FROM password_resets WHERE user_id = ?", user.id()));
        int counters = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM login_failures WHERE account_key = ?")
                        .bind(0, LoginFailures.accountKey(user.email()))
                        .mapTo(Integer.class)
                        .one());
        assertEquals(0, counters);
        assertEquals(401, app.get("/users/me", user.auth()).status());
    }

    @OnEachDatabase
    void deleting_the_account_leaves_other_users_rows(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        var other = Api.signUp(app);
        long othersPost = Api.createPost(app, other, "theirs");

        deleteAccount(app, user, Api.PASSWORD);

        assertEquals(1, rowsOf(db, "SELECT COUNT(*) FROM posts WHERE id = ?", othersPost));
        assertEquals(200, app.get("/users/me", other.auth()).status());
    }

    @OnEachDatabase
    void deleting_with_a_wrong_password_is_403_and_deletes_nothing(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        Api.createPost(app, user, "kept");

        var response = deleteAccount(app, user, "not-the-password");

        assertEquals(403, response.status());
        assertEquals(1, rowsOf(db, "SELECT COUNT(*) FROM posts WHERE owner_id = ?", user.id()));
        assertEquals(200, app.get("/users/me", user.auth()).status());
    }

    @OnEachDatabase
    void deleting_without_the_password_is_422(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.send("DELETE", "/users/me", "application/json", "{}", user.auth());

        assertEquals(422, response.status());
        assertEquals("password", response.json().at("/detail/0/loc/1").asText());
    }
}
