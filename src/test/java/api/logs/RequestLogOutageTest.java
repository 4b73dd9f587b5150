package api.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.DbSettings;
import api.db.Database;
import api.support.Await;
import api.support.TcpProxy;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import api.support.TestDbs;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequestLogOutageTest {

    static Stream<TestDb> databases() {
        return StoredLogs.ownDatabases();
    }

    @Test
    void a_request_while_the_database_is_down_is_answered_and_its_log_arrives_after_it_returns() throws Exception {
        DbSettings direct = TestDbs.freshMariaDbSettings("outage");
        try (Database migrator = TestDbs.connect(direct)) {
            migrator.migrations().upgrade();
        }
        try (TcpProxy proxy = TcpProxy.open(TestDbs.mariadbPort())) {
            DbSettings proxied = TestDbs.throughPort(direct, proxy.port());
            Database database = TestDbs.connect(proxied);
            TestDb db = new TestDb("MariaDB via proxy", proxied, database);
            try (TestApp app = TestApp.start(TestConfig.forDb(proxied, Map.of("REQUEST_LOG_ENABLED", "true")), db)) {
                proxy.cut();

                // answered while the database is still down: the request did not wait for its log to be stored
                var response = assertTimeoutPreemptively(
                        Duration.ofSeconds(30), () -> app.get("/", "X-Request-ID", "during-outage-1"));
                Await.until("the writer to meet the outage", () -> proxy.refused() > 0);

                assertEquals(200, response.status());
                proxy.restore();
                assertEquals(
                        1,
                        StoredLogs.awaitCount(db, "during-outage-", 1, Duration.ofSeconds(20))
                                .size());
            } finally {
                database.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_full_queue_drops_and_counts_instead_of_blocking(TestDb db) throws Exception {
        // the writer's one connection is held by the test: to the writer the database is unreachable
        Database pool = Database.connect(db.settings(), 1, Duration.ofMillis(250), Duration.ofSeconds(10));
        TestDb starved = new TestDb(db.name(), db.settings(), pool);
        String prefix = "full-" + System.nanoTime() + "-";
        var config = TestConfig.forDb(
                db,
                Map.of("REQUEST_LOG_QUEUE_SIZE", "5", "REQUEST_LOG_BATCH_SIZE", "5", "REQUEST_LOG_ENABLED", "true"));
        long dropped;
        try (TestApp app = TestApp.start(config, starved)) {
            // the writer's pool opens its connection in the background, and its wait for one is cut short on purpose
            Await.until(
                    "the writer's connection to open",
                    () -> pool.logWriterPool().getHikariPoolMXBean().getIdleConnections() == 1);
            try (Connection held = pool.logWriterPool().getConnection()) {
                // the connection is held until all are answered: a request that waited for room would never be
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                    for (int i = 0; i < 50; i++) {
                        assertEquals(
                                200, app.get("/", "X-Request-ID", prefix + i).status());
                    }
                });
                dropped = droppedQueueFull(app.get("/metrics").body());

                assertTrue(dropped >= 40, "dropped " + dropped);
            } // released before the app stops, so the flush can store what the queue kept
        } finally {
            pool.close();
        }
        assertEquals(50 - dropped, StoredLogs.withRequestIdPrefix(db, prefix).size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void stopping_the_app_stores_every_answered_request_first(TestDb db) throws Exception {
        String prefix = "shutdown-" + System.nanoTime() + "-";
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try (TestApp app = TestApp.start(TestConfig.forDb(db, Map.of("REQUEST_LOG_ENABLED", "true")), db)) {
            List<Future<Integer>> statuses = IntStream.range(0, 300)
                    .mapToObj(i -> clients.submit(
                            () -> app.get("/", "X-Request-ID", prefix + i).status()))
                    .toList();
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        } finally {
            clients.shutdown();
        }

        assertEquals(300, StoredLogs.withRequestIdPrefix(db, prefix).size());
    }

    private static long droppedQueueFull(String metrics) {
        Matcher m = Pattern.compile("(?m)^request_log_dropped_total\\{reason=\"queue_full\",?} (\\S+)$")
                .matcher(metrics);
        assertTrue(m.find(), metrics);
        return (long) Double.parseDouble(m.group(1));
    }
}
