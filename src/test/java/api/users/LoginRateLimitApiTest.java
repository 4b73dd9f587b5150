package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.db.Database;
import api.support.Api;
import api.support.OnEachDatabase;
import api.support.TcpProxy;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import api.support.TestDbs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The login limits attacked over HTTP. Each test starts its own app on emptied counters: three failures per address
 * (and per account from one address), thirty per account, in five-minute windows. The app's clock stands ten
 * seconds into a window, so no window ends during a test; client addresses come from the trusted proxy's header.
 */
class LoginRateLimitApiTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:10Z"), ZoneOffset.UTC);

    private final List<TestApp> apps = new ArrayList<>();

    private TestApp start(TestDb db, String... overrides) {
        db.truncateAll();
        Map<String, String> config =
                new HashMap<>(Map.of("LOGIN_MAX_FAILURES", "3", "LOGIN_FAILURE_WINDOW_SECONDS", "300"));
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            config.put(overrides[i], overrides[i + 1]);
        }
        TestApp app = TestApp.start(TestConfig.forDb(db, config), db, CLOCK);
        apps.add(app);
        return app;
    }

    @AfterEach
    void stop() {
        apps.forEach(TestApp::close);
    }

    private static TestApp.Response login(TestApp app, String email, String password, String clientAddress) {
        return app.postForm(
                "/login", Map.of("username", email, "password", password), "X-Forwarded-For", clientAddress);
    }

    @OnEachDatabase
    void forty_concurrent_wrong_logins_from_one_address_get_the_limit_of_403s_and_429_for_the_rest(TestDb db)
            throws Exception {
        TestApp app = start(db, "LOGIN_MAX_FAILURES", "5");
        var user = Api.signUp(app);
        ExecutorService clients = Executors.newFixedThreadPool(40);
        var go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                String guess = "wrong-" + i;
                statuses.add(clients.submit(() -> {
                    go.await();
                    return login(app, user.email(), guess, "203.0.113.1").status();
                }));
            }
            go.countDown();
            Map<Integer, Integer> counts = new HashMap<>();
            for (Future<Integer> status : statuses) {
                counts.merge(status.get(), 1, Integer::sum);
            }

            assertEquals(Map.of(403, 5, 429, 35), counts);
        } finally {
            clients.shutdownNow();
        }
    }

    @OnEachDatabase
    void thirty_two_concurrent_right_logins_from_one_address_all_get_200(TestDb db) throws Exception {
        TestApp app = start(db);
        var user = Api.signUp(app);
        ExecutorService clients = Executors.newFixedThreadPool(32);
        var go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) {
                statuses.add(clients.submit(() -> {
                    go.await();
                    return login(app, user.email(), Api.PASSWORD, "203.0.113.1").status();
                }));
            }
            go.countDown();
            Map<Integer, Integer> counts = new HashMap<>();
            for (Future<Integer> status : statuses) {
                counts.merge(status.get(), 1, Integer::sum);
            }

            assertEquals(Map.of(200, 32), counts);
        } finally {
            clients.shutdownNow();
        }
    }

    @OnEachDatabase
    void failures_up_to_the_limit_are_403_then_429_with_retry_after_until_the_window_ends(TestDb db) {
        TestApp app = start(db);
        var user = Api.signUp(app);
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    403,
                    login(app, user.email(), "wrong-password", "203.0.113.1").status());
        }

        var blocked = login(app, user.email(), "wrong-password", "203.0.113.1");

        assertEquals(429, blocked.status());
        assertEquals("290", blocked.header("Retry-After"));
        assertTrue(blocked.detail().startsWith("Too many failed login attempts"));
    }

    @OnEachDatabase
    void an_address_past_its_limit_is_refused_even_with_the_right_password(TestDb db) {
        TestApp app = start(db);
        var user = Api.signUp(app);
        for (int i = 0; i < 3; i++) {
            login(app, user.email(), "wrong-password", "203.0.113.1");
        }

        assertEquals(429, login(app, user.email(), Api.PASSWORD, "203.0.113.1").status());
    }

    @OnEachDatabase
    void the_owner_logs_in_from_home_while_another_address_hammers_the_account(TestDb db) {
        TestApp app = start(db);
        var user = Api.signUp(app);
        for (int i = 0; i < 50; i++) {
            login(app, user.email(), "guess-" + i, "203.0.113.66");
        }

        assertEquals(
                429, login(app, user.email(), "guess-again", "203.0.113.66").status());
        assertEquals(200, login(app, user.email(), Api.PASSWORD, "198.51.100.7").status());
    }

    @OnEachDatabase
    void an_account_guessed_from_many_addresses_stops_at_ten_times_the_limit_for_every_address(TestDb db) {
        TestApp app = start(db);
        var user = Api.signUp(app);
        for (int address = 1; address <= 10; address++) {
            for (int i = 0; i < 3; i++) {
                assertEquals(
                        403,
                        login(app, user.email(), "guess-" + i, "203.0.113." + address)
                                .status());
            }
        }

        assertEquals(429, login(app, user.email(), Api.PASSWORD, "198.51.100.7").status());
    }

    @OnEachDatabase
    void an_address_guessing_many_accounts_is_blocked_but_other_addresses_are_not(TestDb db) {
        TestApp app = start(db);
        var user = Api.signUp(app);
        login(app, "nobody1@example.com", "wrong-password", "203.0.113.9");
        login(app, "nobody2@example.com", "wrong-password", "203.0.113.9");
        login(app, "nobody3@example.com", "wrong-password", "203.0.113.9");

        assertEquals(429, login(app, user.email(), Api.PASSWORD, "203.0.113.9").status());
        assertEquals(200, login(app, user.email(), Api.PASSWORD, "198.51.100.7").status());
    }

    @OnEachDatabase
    void a_right_password_gives_its_place_back(TestDb db) {
        TestApp app = start(db);
        var user = Api.signUp(app);
        login(app, user.email(), "wrong-1", "203.0.113.1");
        login(app, user.email(), "wrong-2", "203.0.113.1");
        for (int i = 0; i < 5; i++) {
            assertEquals(
                    200, login(app, user.email(), Api.PASSWORD, "203.0.113.1").status());
        }

        assertEquals(403, login(app, user.email(), "wrong-3", "203.0.113.1").status());
        assertEquals(429, login(app, user.email(), Api.PASSWORD, "203.0.113.1").status());
    }

    @OnEachDatabase
    void a_forwarded_for_header_from_an_untrusted_peer_neither_dodges_nor_resets_the_count(TestDb db) {
        TestApp app = start(db, "TRUSTED_PROXIES", "10.9.9.9");
        var user = Api.signUp(app);
        login(app, "nobody1@example.com", "wrong-password", "203.0.113.1");
        login(app, "nobody2@example.com", "wrong-password", "203.0.113.2");
        login(app, "nobody3@example.com", "wrong-password", "203.0.113.3");

        // all three came from 127.0.0.1, whatever the header claimed
        assertEquals(429, login(app, user.email(), Api.PASSWORD, "198.51.100.7").status());
        assertEquals(
                429,
                app.postForm("/login", Map.of("username", user.email(), "password", Api.PASSWORD))
                        .status());
    }

    @OnEachDatabase
    void addresses_in_one_ipv6_64_share_a_count_and_another_64_has_its_own(TestDb db) {
        TestApp app = start(db);
        var user = Api.signUp(app);
        login(app, "nobody1@example.com", "wrong-password", "2001:db8:1:2::1");
        login(app, "nobody2@example.com", "wrong-password", "2001:db8:1:2::2");
        login(app, "nobody3@example.com", "wrong-password", "2001:db8:1:2:ffff::3");

        assertEquals(
                429,
                login(app, user.email(), Api.PASSWORD, "2001:db8:1:2:abcd::9").status());
        assertEquals(
                200, login(app, user.email(), Api.PASSWORD, "2001:db8:1:3::1").status());
    }

    @OnEachDatabase
    void the_counters_store_no_email(TestDb db) {
        TestApp app = start(db);
        login(app, "victim@example.com", "wrong-password", "203.0.113.1");

        List<String> keys = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT counter_key FROM login_failures")
                        .mapTo(String.class)
                        .list());

        assertEquals(3, keys.size());
        keys.forEach(key -> assertTrue(key.matches("[0-9a-f]{64}"), key));
        assertTrue(keys.contains(LoginFailures.key("account", "victim@example.com")));
    }

    @Test
    void a_login_is_503_even_with_the_right_password_while_its_failures_cannot_be_counted() {
        var direct = TestDbs.freshMariaDbSettings("limiter_outage");
        try (Database migrator = TestDbs.connect(direct)) {
            migrator.migrations().upgrade();
        }
        try (TcpProxy proxy = TcpProxy.open(TestDbs.mariadbPort())) {
            var settings = TestDbs.throughPort(direct, proxy.port());
            try (Database database = Database.connect(settings, 2, Duration.ofSeconds(1), Duration.ofSeconds(10));
                    TestApp app = TestApp.start(
                            TestConfig.forDb(settings, Map.of()),
                            new TestDb("MariaDB via proxy", settings, database))) {
                var user = Api.signUp(app);
                proxy.cut();

                var refused = app.postForm("/login", Map.of("username", user.email(), "password", Api.PASSWORD));

                assertEquals(503, refused.status());
                assertEquals("Database unavailable", refused.detail());
            }
        }
    }
}
