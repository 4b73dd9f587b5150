package api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import api.Main;
import api.support.Api;
import api.support.OnEachDatabase;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An operator unlocks an account that attackers have filled from many addresses. */
class UsersUnlockCommandTest {

    private static int login(TestApp app, String email, String password, String address) {
        return app.postForm("/login", Map.of("username", email, "password", password), "X-Forwarded-For", address)
                .status();
    }

    private static int run(TestDb db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--database-url=" + db.settings().jdbcUrl());
        if (db.settings().username() != null) {
            all.add("--database-username=" + db.settings().username());
            all.add("--database-password=" + db.settings().password());
        }
        return Main.run(all.toArray(String[]::new));
    }

    @OnEachDatabase
    void unlock_clears_the_counters_every_address_filled_so_the_owner_logs_in_at_once(TestDb db) {
        db.truncateAll();
        try (TestApp app = TestApp.start(TestConfig.forDb(db, Map.of("LOGIN_MAX_FAILURES", "2")), db)) {
            var owner = Api.signUp(app);
            for (int address = 1; address <= 10; address++) {
                login(app, owner.email(), "guess-1", "203.0.113." + address);
                login(app, owner.email(), "guess-2", "203.0.113." + address);
            }

            assertEquals(429, login(app, owner.email(), Api.PASSWORD, "198.51.100.7"));
            assertEquals(0, run(db, "users", "unlock", owner.email()));
            assertEquals(200, login(app, owner.email(), Api.PASSWORD, "198.51.100.7"));
        }
    }

    @OnEachDatabase
    void unlock_for_an_email_no_user_has_exits_1(TestDb db) {
        assertEquals(1, run(db, "users", "unlock", "nobody-at-all@example.com"));
    }
}
