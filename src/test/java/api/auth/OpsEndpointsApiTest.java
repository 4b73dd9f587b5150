package api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import api.support.Await;
import api.support.OnEachDatabase;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import api.support.TestDbs;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpsEndpointsApiTest {
    private static final String TOKEN = "ops-token-for-tests";
    private static final Map<String, TestApp> APPS = new ConcurrentHashMap<>();

    /** Each operator endpoint on each database. */
    static Stream<Arguments> endpoints() {
        return TestDbs.all()
                .flatMap(db -> Stream.of("/metrics", "/log_all", "/log_first").map(path -> Arguments.of(db, path)));
    }

    private static TestApp app(TestDb db) {
        return APPS.computeIfAbsent(
                db.name(),
                name -> TestApp.start(
                        TestConfig.forDb(db, Map.of("OPS_TOKEN", TOKEN, "REQUEST_LOG_ENABLED", "true")), db));
    }

    @AfterAll
    static void stopApps() {
        APPS.values().forEach(TestApp::close);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void without_a_token_the_endpoint_is_401_with_a_bearer_challenge(TestDb db, String path) {
        var response = app(db).get(path);

        assertEquals(401, response.status());
        assertEquals("Not authenticated", response.detail());
        assertEquals("Bearer", response.header("WWW-Authenticate"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void a_wrong_token_is_401(TestDb db, String path) {
        assertEquals(
                401, app(db).get(path, "Authorization", "Bearer " + TOKEN + "x").status());
        assertEquals(
                401,
                app(db).get(path, "Authorization", "Bearer " + TOKEN.substring(1))
                        .status());
        assertEquals(401, app(db).get(path, "Authorization", "Basic " + TOKEN).status());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void a_wrong_token_is_answered_invalid_ops_token_with_a_bearer_challenge(TestDb db, String path) {
        var response = app(db).get(path, "Authorization", "Bearer " + TOKEN + "x");

        assertEquals("Invalid ops token", response.detail());
        assertEquals("Bearer", response.header("WWW-Authenticate"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void the_right_token_opens_the_endpoint(TestDb db, String path) {
        app(db).get("/"); // so /log_first has a record to show

        Await.until(
                path + " to answer 200",
                () -> app(db).get(path, "Authorization", "Bearer " + TOKEN).status() == 200);
    }

    @OnEachDatabase
    void public_endpoints_need_no_token(TestDb db) {
        assertEquals(200, app(db).get("/").status());
        assertEquals(200, app(db).get("/health").status());
    }
}
