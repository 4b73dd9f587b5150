package api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.auth.Role;
import api.db.Database;
import api.support.Await;
import api.support.OnEachDatabase;
import api.support.RawHttp;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;

class MetricsApiTest {
    private static final Map<String, TestApp> APPS = new ConcurrentHashMap<>();
    private static final String TOKEN_CHARS =
            "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static TestApp app(TestDb db) {
        return APPS.computeIfAbsent(
                db.name(),
                name -> TestApp.start(TestConfig.forDb(db, Map.of("REQUEST_LOG_ENABLED", "true")), db, cfg -> {
                    cfg.routes.get("/test/posts/{id}", ctx -> ctx.result("post"), Role.PUBLIC);
                    cfg.routes.get(
                            "/test/boom",
                            ctx -> {
                                throw new IllegalStateException("boom");
                            },
                            Role.PUBLIC);
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

    /** Every series /metrics serves, as its name and labels without the value. */
    private static Set<String> series(TestApp app) {
        return scrape(app).samples().stream()
                .map(s -> s.name() + s.labels())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String truncated(Set<String> series) {
        String first = series.isEmpty() ? "" : series.iterator().next();
        return first.length() <= 200 ? first : first.substring(0, 200) + "...";
    }

    private static void probe(TestApp app, String method, String path) {
        var response = RawHttp.send(app.port(), RawHttp.request(method, RawHttp.ascii(path), Map.of(), null));
        assertTrue(response.status() >= 400 && response.status() < 500, method + " " + path + ": " + response.status());
    }

    /** A method token as a scanner or an attacker invents it, up to 1,500 characters long. */
    private static String randomMethod(Random random) {
        var method = new StringBuilder();
        int length = 8 + random.nextInt(1_500 - 8);
        for (int i = 0; i < length; i++) {
            method.append(TOKEN_CHARS.charAt(random.nextInt(TOKEN_CHARS.length())));
        }
        return method.toString();
    }

    private static String randomPath(Random random) {
        return "/" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "/" + random.nextInt(1_000_000);
    }

    @OnEachDatabase
    void metrics_are_served_in_text_format_0_0_4(TestDb db) {
        var response = app(db).get("/metrics");

        assertEquals(200, response.status());
        assertTrue(
                response.header("Content-Type").startsWith("text/plain; version=0.0.4"),
                response.header("Content-Type"));
    }

    @OnEachDatabase
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

    @OnEachDatabase
    void no_label_holds_a_raw_path(TestDb db) {
        TestApp app = app(db);
        app.get("/test/posts/987654");
        app.get("/no/such/path/123456");

        String text = app.get("/metrics").body();

        assertFalse(text.contains("987654"), "a raw id reached a label");
        assertFalse(text.contains("123456"), "an unmatched path reached a label");
    }

    @OnEachDatabase
    void a_thousand_random_methods_and_paths_add_no_metric_series(TestDb db) {
        TestApp app = app(db);
        var random = new Random(24);
        scrape(app); // the scrape's own series exists from here on
        probe(app, randomMethod(random), randomPath(random)); // the shared labels of what follows: 404 ...
        probe(app, randomMethod(random), "/posts"); // ... and 405, for a path routed for other methods
        Set<String> before = series(app);

        for (int i = 0; i < 1000; i++) {
            probe(app, randomMethod(random), i % 2 == 0 ? randomPath(random) : "/posts/" + random.nextInt(1_000_000));
        }

        Set<String> added = series(app);
        added.removeAll(before);
        assertTrue(added.isEmpty(), added.size() + " new series, such as " + truncated(added));
    }

    @OnEachDatabase
    void unmatched_paths_share_one_route_label(TestDb db) {
        TestApp app = app(db);
        double before = scrape(app).value("http_requests_total", Map.of("route", "unmatched", "status", "404"));

        app.get("/scanner/wp-admin");
        app.get("/scanner/.env");

        assertEquals(
                2, scrape(app).value("http_requests_total", Map.of("route", "unmatched", "status", "404")) - before);
    }

    @OnEachDatabase
    void failed_requests_are_counted_with_their_5xx_status(TestDb db) {
        TestApp app = app(db);
        app.get("/test/boom");

        assertTrue(scrape(app).value("http_requests_total", Map.of("route", "/test/boom", "status", "500")) >= 1);
    }

    @OnEachDatabase
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

    @OnEachDatabase
    void jvm_metrics_are_exported(TestDb db) {
        Scrape scrape = scrape(app(db));

        assertTrue(scrape.value("jvm_memory_bytes_used", Map.of("area", "heap")) > 0);
        assertTrue(scrape.value("jvm_memory_bytes_max", Map.of("area", "heap")) > 0);
        assertTrue(scrape.has("jvm_gc_collection_seconds_count"));
        assertTrue(scrape.has("jvm_threads_current"));
        assertTrue(scrape.has("process_cpu_seconds_total"));
    }

    @OnEachDatabase
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

    @OnEachDatabase
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

    @OnEachDatabase
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
