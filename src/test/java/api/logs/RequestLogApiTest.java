package api.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.auth.Role;
import api.support.Api;
import api.support.Await;
import api.support.SignedIn;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestLogApiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Map<String, TestApp> APPS = new ConcurrentHashMap<>();

    static Stream<TestDb> databases() {
        return StoredLogs.ownDatabases();
    }

    private static TestApp app(TestDb db) {
        return APPS.computeIfAbsent(
                db.name(),
                name -> TestApp.start(TestConfig.forDb(db, Map.of("REQUEST_LOG_ENABLED", "true")), db, cfg -> {
                    cfg.routes.get(
                            "/test/items/{id}",
                            ctx -> {
                                ctx.attribute("user_id", 42L);
                                ctx.result("item");
                            },
                            Role.PUBLIC);
                    cfg.routes.post("/test/login", ctx -> ctx.result("ok"), Role.PUBLIC);
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

    private static String unique(String label) {
        return label + "-" + System.nanoTime() + "-";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void every_request_of_a_burst_is_stored(TestDb db) throws Exception {
        TestApp app = app(db);
        String prefix = unique("burst");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = IntStream.range(0, 200)
                    .mapToObj(i -> clients.submit(() -> app.get("/test/items/" + i, "X-Request-ID", prefix + i)
                            .status()))
                    .toList();
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        } finally {
            clients.shutdown();
        }

        List<JsonNode> logs = StoredLogs.awaitCount(db, prefix, 200, WAIT);

        assertEquals(200, logs.size());
        assertEquals(
                200,
                logs.stream().map(l -> l.get("request_id").asText()).distinct().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void credentials_sent_in_the_query_string_are_not_stored(TestDb db) {
        String id = unique("redacted") + "1";
        app(db).get(
                        "/test/items/7?access_token=eyJleaked&page=2&API_KEY=k-123&pass%77ord=hunter2&client_secret=s3",
                        "X-Request-ID", id);

        JsonNode log = StoredLogs.awaitCount(db, id, 1, WAIT).get(0);

        assertEquals(
                "access_token=REDACTED&page=2&API_KEY=REDACTED&pass%77ord=REDACTED&client_secret=REDACTED",
                log.get("query").asText());
    }

    /** A query parameter name as clients spell it, for each name part the log redacts. */
    static Stream<Arguments> databasesAndCredentialNames() {
        List<String> names = List.of(
                "Passphrase",
                "PWD",
                "client_secret",
                "refresh_Token",
                "jwt",
                "apiKey",
                "Authorization",
                "SessionId",
                "_csrf",
                "credentials",
                "X-Amz-Signature");
        return databases().flatMap(db -> names.stream().map(name -> Arguments.of(db, name)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("databasesAndCredentialNames")
    void a_credential_in_a_query_parameter_is_stored_redacted(TestDb db, String name) {
        String id = unique("credential") + "1";

        app(db).get("/test/items/7?" + name + "=leaked-value&page=2", "X-Request-ID", id);

        assertEquals(
                name + "=REDACTED&page=2",
                StoredLogs.awaitCount(db, id, 1, WAIT).get(0).get("query").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_stored_log_has_every_listed_field(TestDb db) {
        String id = unique("fields") + "1";
        Instant before = Instant.now();
        app(db).get("/test/items/7?verbose=true&page=2", "X-Request-ID", id, "User-Agent", "probe/1.0");

        JsonNode log = StoredLogs.awaitCount(db, id, 1, WAIT).get(0);

        assertEquals(id, log.get("request_id").asText());
        assertEquals("GET", log.get("method").asText());
        assertEquals("/test/items/7", log.get("path").asText());
        assertEquals("/test/items/{id}", log.get("route").asText());
        assertEquals("verbose=true&page=2", log.get("query").asText());
        assertEquals(200, log.get("status").asInt());
        assertTrue(log.get("duration_ms").isNumber() && log.get("duration_ms").asDouble() >= 0);
        assertEquals("127.0.0.1", log.get("client_ip").asText());
        assertEquals("probe/1.0", log.get("user_agent").asText());
        assertEquals(42, log.get("user_id").asLong());
        Instant at = Instant.parse(log.get("timestamp").asText());
        assertFalse(at.isBefore(before.minusSeconds(1)), at + " is before the request");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_request_with_a_bearer_token_is_stored_with_its_user(TestDb db) {
        Api.Account account = Api.signUp(app(db));
        String id = unique("bearer-user") + "1";

        app(db).get("/users/me", "Authorization", "Bearer " + account.token(), "X-Request-ID", id);

        assertEquals(
                account.id(),
                StoredLogs.awaitCount(db, id, 1, WAIT).get(0).get("user_id").asLong());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_signed_in_page_request_is_stored_with_its_user(TestDb db) {
        SignedIn user = SignedIn.newUser(app(db));
        String id = unique("page-user") + "1";

        app(db).get("/tasks/", "Cookie", "session=" + user.cookie(), "X-Request-ID", id);

        assertEquals(
                user.userId(),
                StoredLogs.awaitCount(db, id, 1, WAIT).get(0).get("user_id").asLong());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_log_never_holds_the_authorization_header_cookies_or_body(TestDb db) {
        String id = unique("secret") + "1";
        app(db).send(
                        "POST",
                        "/test/login",
                        "application/json",
                        "{\"password\":\"hunter2-body\"}",
                        "X-Request-ID",
                        id,
                        "Authorization",
                        "Bearer token-abc.def",
                        "Cookie",
                        "session=cookie-xyz");

        String stored = StoredLogs.awaitCount(db, id, 1, WAIT).get(0).toString();

        assertFalse(stored.contains("token-abc"), stored);
        assertFalse(stored.contains("cookie-xyz"), stored);
        assertFalse(stored.contains("hunter2"), stored);
        assertFalse(stored.toLowerCase().contains("authorization"), stored);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void unmatched_and_failed_requests_are_stored_too(TestDb db) {
        String prefix = unique("failures");
        assertEquals(
                404,
                app(db).get("/no/such/thing", "X-Request-ID", prefix + "404").status());
        assertEquals(
                500, app(db).get("/test/boom", "X-Request-ID", prefix + "500").status());

        List<JsonNode> logs = StoredLogs.awaitCount(db, prefix, 2, WAIT);

        JsonNode notFound = logs.stream()
                .filter(l -> l.get("status").asInt() == 404)
                .findFirst()
                .orElseThrow();
        JsonNode failed = logs.stream()
                .filter(l -> l.get("status").asInt() == 500)
                .findFirst()
                .orElseThrow();
        assertEquals("unmatched", notFound.get("route").asText());
        assertEquals("/no/such/thing", notFound.get("path").asText());
        assertEquals("/test/boom", failed.get("route").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void an_incoming_request_id_is_echoed(TestDb db) {
        var response = app(db).get("/", "X-Request-ID", "client-chosen.id_42");

        assertEquals("client-chosen.id_42", response.header("X-Request-ID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_missing_request_id_is_generated_and_returned(TestDb db) {
        var response = app(db).get("/");

        assertTrue(response.header("X-Request-ID").matches("[0-9a-f-]{36}"), response.header("X-Request-ID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void an_unsafe_or_overlong_request_id_is_replaced(TestDb db) {
        assertTrue(app(db).get("/", "X-Request-ID", "<script>")
                .header("X-Request-ID")
                .matches("[0-9a-f-]{36}"));
        assertTrue(app(db).get("/", "X-Request-ID", "a".repeat(500))
                .header("X-Request-ID")
                .matches("[0-9a-f-]{36}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void an_error_response_carries_the_request_id(TestDb db) {
        assertEquals("err-1", app(db).get("/test/boom", "X-Request-ID", "err-1").header("X-Request-ID"));
        assertEquals("err-2", app(db).get("/nope", "X-Request-ID", "err-2").header("X-Request-ID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void forwarded_for_is_believed_from_a_trusted_proxy(TestDb db) {
        String id = unique("proxied") + "1";
        app(db).get("/", "X-Request-ID", id, "X-Forwarded-For", "203.0.113.9");

        assertEquals(
                "203.0.113.9",
                StoredLogs.awaitCount(db, id, 1, WAIT).get(0).get("client_ip").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void forwarded_for_is_ignored_from_an_untrusted_peer(TestDb db) {
        String id = unique("direct") + "1";
        try (var app = TestApp.start(
                TestConfig.forDb(db, Map.of("TRUSTED_PROXIES", "10.0.0.0/8", "REQUEST_LOG_ENABLED", "true")), db)) {
            app.get("/", "X-Request-ID", id, "X-Forwarded-For", "203.0.113.9", "X-Real-IP", "203.0.113.10");
        }

        assertEquals(
                "127.0.0.1",
                StoredLogs.withRequestIdPrefix(db, id).get(0).get("client_ip").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void log_all_lists_newest_first_as_objects(TestDb db) {
        String prefix = unique("listing");
        app(db).get("/", "X-Request-ID", prefix + "first");
        StoredLogs.awaitCount(db, prefix, 1, WAIT);
        app(db).get("/", "X-Request-ID", prefix + "second");
        StoredLogs.awaitCount(db, prefix, 2, WAIT);

        JsonNode all = app(db).get("/log_all?limit=1000").json();

        List<String> ids = java.util.stream.StreamSupport.stream(all.spliterator(), false)
                .map(e -> e.get("log").get("request_id").asText())
                .filter(rid -> rid.startsWith(prefix))
                .toList();
        assertEquals(List.of(prefix + "second", prefix + "first"), ids);
        JsonNode entry = all.get(0);
        assertNotNull(entry.get("log_id").asText());
        assertTrue(entry.get("log").isObject());
        assertTrue(entry.get("datetime").asText().endsWith("+00:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void log_all_honours_limit(TestDb db) {
        for (int i = 0; i < 3; i++) {
            app(db).get("/");
        }
        Await.until("three records stored", () -> app(db).get("/log_all").json().size() >= 3);

        assertEquals(2, app(db).get("/log_all?limit=2").json().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void log_all_rejects_a_limit_over_1000_with_422(TestDb db) {
        var response = app(db).get("/log_all?limit=1001");

        assertEquals(422, response.status());
        assertEquals(
                "limit", response.json().get("detail").get(0).get("loc").get(1).asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void log_all_rejects_a_negative_offset_with_422(TestDb db) {
        assertEquals(422, app(db).get("/log_all?offset=-1").status());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void log_first_is_the_oldest_record(TestDb db) {
        app(db).get("/");
        Await.until("a record stored", () -> StoredLogs.count(db) > 0);
        String oldest = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT log_id FROM log_table ORDER BY log_id")
                        .mapTo(String.class)
                        .first());

        var response = app(db).get("/log_first");

        assertEquals(200, response.status());
        assertEquals(oldest, response.json().get("log_id").asText());
        assertTrue(response.json().get("log").isObject());
    }

    static Stream<TestDb> emptyDatabases() {
        return StoredLogs.fresh("logging_off").stream();
    }

    /** On databases of its own: the shared ones hold what this class's other apps have logged. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyDatabases")
    void with_request_logging_off_nothing_is_stored_and_log_first_is_404(TestDb db) {
        try (var app = TestApp.start(TestConfig.forDb(db, Map.of("REQUEST_LOG_ENABLED", "false")), db)) {
            app.get("/", "X-Request-ID", "off-1");

            var first = app.get("/log_first");

            assertEquals(404, first.status());
            assertEquals("No request logs yet", first.detail());
            assertEquals("off-1", app.get("/", "X-Request-ID", "off-1").header("X-Request-ID"));
        }
        assertEquals(0, StoredLogs.withRequestIdPrefix(db, "off-").size());
    }
}
