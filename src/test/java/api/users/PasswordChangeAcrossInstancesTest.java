package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import api.support.Api;
import api.support.Await;
import api.support.OnEachDatabase;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import java.util.Map;

/**
 * Two instances on one database, each with the production-style user cache: a password change on one ends the old
 * token there at once, and on the other once its cached view of the user is older than AUTH_USER_CACHE_SECONDS.
 */
class PasswordChangeAcrossInstancesTest {
    @OnEachDatabase
    void a_password_change_ends_the_old_token_on_another_instance_within_the_cache_time(TestDb db) {
        db.truncateAll();
        var config = TestConfig.forDb(db, Map.of("AUTH_USER_CACHE_SECONDS", "1"));
        try (TestApp here = TestApp.start(config, db);
                TestApp there = TestApp.start(config, db)) {
            var user = Api.signUp(here);
            assertEquals(200, there.get("/users/me", user.auth()).status()); // the other instance now caches the user

            var changed = here.putJson(
                    "/users/me/password",
                    Map.of("current_password", Api.PASSWORD, "new_password", "a-new-password"),
                    user.auth());

            assertEquals(204, changed.status());
            assertEquals(401, here.get("/users/me", user.auth()).status());
            Await.until(
                    "the other instance to refuse the old token",
                    () -> there.get("/users/me", user.auth()).status() == 401);
        }
    }
}
