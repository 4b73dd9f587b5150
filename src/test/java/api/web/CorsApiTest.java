package api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDbs;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorsApiTest {

    private static TestApp.Response preflight(TestApp app, String origin) {
        return app.send(app.request(
                        "/posts",
                        "Origin",
                        origin,
                        "Access-Control-Request-Method",
                        "GET",
                        "Access-Control-Request-Headers",
                        "authorization")
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void any_origin_is_allowed_without_credentials_by_default() {
        try (TestApp app = TestApp.start(TestConfig.forDb(TestDbs.h2(), Map.of("CORS_ORIGINS", "*")), TestDbs.h2())) {
            var response = app.get("/", "Origin", "https://example.org");

            assertEquals("*", response.header("Access-Control-Allow-Origin"));
            assertNull(response.header("Access-Control-Allow-Credentials"));
        }
    }

    @Test
    void a_preflight_from_any_origin_is_answered() {
        try (TestApp app = TestApp.start(TestConfig.forDb(TestDbs.h2(), Map.of("CORS_ORIGINS", "*")), TestDbs.h2())) {
            var response = preflight(app, "https://example.org");

            assertEquals(200, response.status());
            assertEquals("*", response.header("Access-Control-Allow-Origin"));
            assertEquals(
                    "authorization",
                    response.header("Access-Control-Allow-Headers").toLowerCase());
        }
    }

    @Test
    void a_listed_origin_is_allowed_with_credentials() {
        var config = TestConfig.forDb(
                TestDbs.h2(), Map.of("CORS_ORIGINS", "https://app.example.com,https://admin.example.com"));
        try (TestApp app = TestApp.start(config, TestDbs.h2())) {
            var response = app.get("/", "Origin", "https://admin.example.com");
            var preflight = preflight(app, "https://app.example.com");

            assertEquals("https://admin.example.com", response.header("Access-Control-Allow-Origin"));
            assertEquals("true", response.header("Access-Control-Allow-Credentials"));
            assertEquals("https://app.example.com", preflight.header("Access-Control-Allow-Origin"));
        }
    }

    @Test
    void an_unlisted_origin_gets_no_cors_headers() {
        var config = TestConfig.forDb(TestDbs.h2(), Map.of("CORS_ORIGINS", "https://app.example.com"));
        try (TestApp app = TestApp.start(config, TestDbs.h2())) {
            var response = app.get("/", "Origin", "https://evil.example.net");

            assertNull(response.header("Access-Control-Allow-Origin"));
        }
    }
}
