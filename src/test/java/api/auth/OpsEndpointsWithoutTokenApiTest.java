package api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import api.support.Await;
import api.support.NonLoopback;
import api.support.RawHttp;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import api.support.TestDbs;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** With no OPS_TOKEN set, the operator endpoints are for this host only: the socket's peer decides, never a header. */
class OpsEndpointsWithoutTokenApiTest {
    private static final Map<String, TestApp> APPS = new ConcurrentHashMap<>();

    static Stream<Arguments> endpoints() {
        return TestDbs.all()
                .flatMap(db -> Stream.of("/metrics", "/log_all", "/log_first").map(path -> Arguments.of(db, path)));
    }

    /** Listening on every interface, as a misconfigured HOST would, and trusting every proxy header it is sent. */
    private static TestApp app(TestDb db) {
        return APPS.computeIfAbsent(
                db.name(),
                name -> TestApp.start(
                        TestConfig.forDb(
                                db,
                                Map.of(
                                        "HOST",
                                        "0.0.0.0",
                                        "OPS_TOKEN",
                                        "",
                                        "TRUSTED_PROXIES",
                                        "0.0.0.0/0,::/0",
                                        "REQUEST_LOG_ENABLED",
                                        "true")),
                        db));
    }

    @AfterAll
    static void stopApps() {
        APPS.values().forEach(TestApp::close);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void a_client_from_another_address_is_401(TestDb db, String path) {
        InetAddress network = NonLoopback.address().orElse(null);
        assumeTrue(network != null, "this host has no non-loopback address to connect from");

        var response = RawHttp.send(network, app(db).port(), get(path, Map.of()));

        assertEquals(401, response.status(), response.text());
        assertEquals("Bearer", response.header("WWW-Authenticate"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void a_forged_forwarded_loopback_address_does_not_open_it(TestDb db, String path) {
        InetAddress network = NonLoopback.address().orElse(null);
        assumeTrue(network != null, "this host has no non-loopback address to connect from");

        var response = RawHttp.send(
                network,
                app(db).port(),
                get(
                        path,
                        Map.of(
                                "X-Forwarded-For",
                                "127.0.0.1",
                                "X-Real-IP",
                                "127.0.0.1",
                                "Forwarded",
                                "for=127.0.0.1")));

        assertEquals(401, response.status(), response.text());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void a_client_on_this_host_is_served(TestDb db, String path) {
        app(db).get("/"); // so /log_first has a record to show, once the writer has stored it
        var response = Await.value(
                path + " to have something to show",
                () -> RawHttp.send(app(db).port(), get(path, Map.of())),
                r -> r.status() != 404);

        assertEquals(200, response.status(), response.text());
    }

    private static byte[] get(String path, Map<String, String> headers) {
        Map<String, byte[]> raw = new java.util.LinkedHashMap<>();
        headers.forEach((name, value) -> raw.put(name, value.getBytes(StandardCharsets.US_ASCII)));
        return RawHttp.request("GET", path.getBytes(StandardCharsets.US_ASCII), raw, null);
    }
}
