package api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import api.support.Api;
import api.support.Await;
import api.support.OnEachDatabase;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import java.util.Map;

/** The production default: a token's user, once found, is trusted for AUTH_USER_CACHE_SECONDS. */
class ConfirmedUsersApiTest {

    private static TestApp appWithUserCache(TestDb db, String seconds) {
        db.truncateAll();
        return TestApp.start(TestConfig.forDb(db, Map.of("AUTH_USER_CACHE_SECONDS", seconds)), db);
    }

    @OnEachDatabase
    void a_write_by_a_user_deleted_within_the_cache_time_is_409_not_500(TestDb db) {
        try (TestApp app = appWithUserCache(db, "60")) {
            var user = Api.signUp(app);
            assertEquals(200, app.get("/users/me", user.auth()).status());
            db.jdbi().useHandle(h -> h.execute("DELETE FROM users WHERE id = ?", user.id()));

            var response = app.postJson("/posts", Map.of("title", "t", "content", "c"), user.auth());

            assertEquals(409, response.status());
            assertEquals("A row this request refers to no longer exists", response.detail());
        }
    }

    @OnEachDatabase
    void a_deleted_user_is_refused_once_the_cache_time_has_passed(TestDb db) {
        try (TestApp app = appWithUserCache(db, "1")) {
            var user = Api.signUp(app);
            assertEquals(200, app.get("/users/me", user.auth()).status());
            db.jdbi().useHandle(h -> h.execute("DELETE FROM users WHERE id = ?", user.id()));

            Await.until(
                    "the cached confirmation to expire",
                    () -> app.get("/posts", user.auth()).status() == 401);
        }
    }
}
