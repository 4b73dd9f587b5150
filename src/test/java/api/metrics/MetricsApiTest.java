package api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.db.Database;
import api.support.Await;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import api.support.TestDbs;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MetricsApiTest {
    private static final Map<String, TestApp> APPS = new ConcurrentHashMap<>();

    static Stream<TestDb> databases() {
        return TestDbs.all();
    }

    private static TestApp app(TestDb db) {
        return APPS.computeIfAbsent(
                db.name(),
                name -> TestApp.start(TestConfig.forDb(db, Map.of("REQUEST_LOG_ENABLED", "true")), db, cfg -> {
                    cfg.routes.get("/test/posts/{id}", ctx -> ctx.result("post"));
                    cfg.routes.get("/test/boom", ctx -> {
                        throw new IllegalStateException("boom");
                    });
                }));
    }

    @AfterAll
    static void stopApps() {
        APPS.values().forEach(TestApp::close);
    }

    private static Scrape scrape(TestApp app) {
        var response = app.get("/metrics");
        assertEquals(200, response.status());
        return Scrape.parse(response.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void metrics_are_served_in_text_format_0_0_4(TestDb db) {
        var response = app(db).get("/metrics");

        assertEquals(200, response.status());
        assertTrue(
                response.header("Content-Type").startsWith("text/plain; version=0.0.4"),
                response.header("Content-Type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void requests_are_counted_by_method_route_template_and_status(TestDb db) {
        TestApp app = app(db);
        double before = scrape(app)
                .value("http_requests_total", Map.of("method", "GET", "route", "/test/posts/{id}", "status", "200"));

        app.get("/test/posts/101");
        app.get("/test/posts/202");

        double after = scrape(app)
                .value("http_requests_total", Map.of("method", "GET", "route", "/test/posts/{id}", "status", "200"));
        assertEquals(2, after - before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void no_label_holds_a_raw_path(TestDb db) {
        TestApp app = app(db);
        app.get("/test/posts/987654");
        app.get("/no/such/path/123456");

        String text = app.get("/metrics").body();

        assertFalse(text.contains("987654"), "a raw id reached a label");
        assertFalse(text.contains("123456"), "an unmatched path reached a label");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void unmatched_paths_share_one_route_label(TestDb db) {
        TestApp app = app(db);
        double before = scrape(app).value("http_requests_total", Map.of("route", "unmatched", "status", "404"));

        app.get("/scanner/wp-admin");
        app.get("/scanner/.env");

        assertEquals(
                2, scrape(app).value("http_requests_total", Map.of("route", "unmatched", "status", "404")) - before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void failed_requests_are_counted_with_their_5xx_status(TestDb db) {
        TestApp app = app(db);
        app.get("/test/boom");

        assertTrue(scrape(app).value("http_requests_total", Map.of("route", "/test/boom", "status", "500")) >= 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void latency_is_a_histogram_by_method_and_route(TestDb db) {
        TestApp app = app(db);
        app.get("/test/posts/1");

        Scrape scrape = scrape(app);

        assertTrue(scrape.value(
                        "http_request_duration_seconds_count", Map.of("method", "GET", "route", "/test/posts/{id}"))
                >= 1);
        assertTrue(scrape.named("http_request_duration_seconds_bucket").stream()
                .anyMatch(s -> "/test/posts/{id}".equals(s.labels().get("route"))
                        && "0.5".equals(s.labels().get("le"))));
        assertTrue(scrape.named("http_request_duration_seconds_bucket").stream()
                .noneMatch(s -> s.labels().containsKey("status")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void jvm_metrics_are_exported(TestDb db) {
        Scrape scrape = scrape(app(db));

        assertTrue(scrape.value("jvm_memory_bytes_used", Map.of("area", "heap")) > 0);
        assertTrue(scrape.value("jvm_memory_bytes_max", Map.of("area", "heap")) > 0);
        assertTrue(scrape.has("jvm_gc_collection_seconds_count"));
        assertTrue(scrape.has("jvm_threads_current"));
        assertTrue(scrape.has("process_cpu_seconds_total"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void request_log_queue_metrics_are_exported(TestDb db) {
        TestApp app = app(db);
        app.get("/");

        Scrape scrape = Await.value(
                "a record written", () -> scrape(app), s -> s.value("request_log_written_total", Map.of()) >= 1);

        assertTrue(scrape.has("request_log_queue_depth"));
        assertTrue(scrape.value("request_log_written_total", Map.of()) >= 1);
        assertEquals(0, scrape.value("request_log_dropped_total", Map.of("reason", "queue_full")));
        assertTrue(scrape.has("request_log_dropped_total"));
        assertEquals(0, scrape.value("request_log_purged_total", Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void business_counters_are_exported_from_zero(TestDb db) {
        Scrape scrape = scrape(app(db));

        for (String name : new String[] {
            "api_users_registered_total",
            "api_posts_created_total",
            "api_tasks_created_total",
            "api_tasks_completed_total"
        }) {
            assertTrue(scrape.has(name), name);
        }
        assertTrue(scrape.named("api_logins_total").stream()
                .anyMatch(s -> "failure".equals(s.labels().get("result"))));
        assertTrue(scrape.named("api_votes_total").stream()
                .anyMatch(s -> "down".equals(s.labels().get("direction"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void connection_pool_metrics_are_exported(TestDb db) {
        // a pool of its own: Hikari lets only the first app that tracks a pool export its metrics
        try (Database pool = Database.connect(db.settings(), 3, Duration.ofSeconds(2), Duration.ofSeconds(10));
                TestApp app = TestApp.start(TestConfig.forDb(db), new TestDb(db.name(), db.settings(), pool))) {
            app.get("/health");

            Scrape scrape = scrape(app);

            assertEquals(3, scrape.value("hikaricp_max_connections", Map.of("pool", "api-db")));
            assertTrue(scrape.has("hikaricp_pending_threads"));
            assertTrue(scrape.has("hikaricp_active_connections"));
            assertTrue(scrape.has("hikaricp_connection_timeout_total"));
        }
    }
}
