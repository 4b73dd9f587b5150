package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import api.config.AppConfig;
import api.db.Database;
import api.support.Api;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import api.support.TestDbs;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances behind a balancer on one MariaDB database, each with its own connection pool, as deployed: the
 * counters live in the database, so neither the second instance nor a restart gives an attacker fresh tries.
 */
class LoginLimitAcrossInstancesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:10Z"), ZoneOffset.UTC);

    private final TestDb db = TestDbs.mariadb();
    private final AppConfig config = TestConfig.forDb(db, Map.of("LOGIN_MAX_FAILURES", "4"));
    private final List<AutoCloseable> started = new ArrayList<>();

    /** An instance with a pool of its own on the shared database. */
    private TestApp instance() {
        Database pool = TestDbs.connect(db.settings());
        started.add(pool);
        TestApp app = TestApp.start(config, new TestDb(db.name(), db.settings(), pool), CLOCK);
        started.add(app);
        return app;
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    private static int wrongLogin(TestApp app, String email) {
        return app.postForm(
                        "/login",
                        Map.of("username", email, "password", "wrong-password"),
                        "X-Forwarded-For",
                        "203.0.113.1")
                .status();
    }

    @Test
    void two_instances_on_one_database_share_the_limit() {
        db.truncateAll();
        TestApp first = instance();
        TestApp second = instance();
        var user = Api.signUp(first);

        assertEquals(403, wrongLogin(first, user.email()));
        assertEquals(403, wrongLogin(second, user.email()));
        assertEquals(403, wrongLogin(first, user.email()));
        assertEquals(403, wrongLogin(second, user.email()));

        assertEquals(429, wrongLogin(first, user.email()));
        assertEquals(429, wrongLogin(second, user.email()));
    }

    @Test
    void a_restarted_instance_keeps_the_count() {
        db.truncateAll();
        TestApp before = instance();
        var user = Api.signUp(before);
        for (int i = 0; i < 4; i++) {
            assertEquals(403, wrongLogin(before, user.email()));
        }
        before.close();

        TestApp after = instance();

        assertEquals(429, wrongLogin(after, user.email()));
    }
}
