package api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.auth.Role;
import api.support.RawHttp;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDbs;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ErrorMappingApiTest {
    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestConfig.forDb(TestDbs.h2()), TestDbs.h2(), cfg -> {
            cfg.routes.get(
                    "/test/boom",
                    ctx -> {
                        throw new IllegalStateException("secret internals: SELECT * FROM users");
                    },
                    Role.PUBLIC);
            cfg.routes.post("/test/echo", ctx -> ctx.json(ctx.bodyAsClass(java.util.Map.class)), Role.PUBLIC);
            cfg.routes.post(
                    "/test/form", ctx -> ctx.json(Map.of("a", String.valueOf(ctx.formParam("a")))), Role.PUBLIC);
        });
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void root_says_hello_world() {
        var response = app.get("/");
        assertEquals(200, response.status());
        assertEquals("Hello World", response.json().get("message").asText());
    }

    @Test
    void unknown_route_is_404_json_not_found() {
        var response = app.get("/no/such/route");
        assertEquals(404, response.status());
        assertEquals("Not Found", response.detail());
        assertTrue(response.header("Content-Type").startsWith("application/json"));
    }

    @Test
    void wrong_method_is_405_json() {
        var response = app.send("DELETE", "/health", null, null);
        assertEquals(405, response.status());
        assertEquals("Method Not Allowed", response.detail());
    }

    @Test
    void malformed_json_body_is_422_json_with_a_detail_list() {
        var response = app.send("POST", "/test/echo", "application/json", "{\"broken\": ");
        assertEquals(422, response.status());
        assertEquals(
                "json_invalid", response.json().get("detail").get(0).get("type").asText());
    }

    @Test
    void body_in_an_unknown_charset_is_415_json() {
        var response = app.send("POST", "/test/echo", "application/json; charset=bogus", "{}");
        assertEquals(415, response.status());
        assertEquals("Unsupported charset: bogus", response.detail());
    }

    @Test
    void multipart_body_that_cannot_be_parsed_is_400_json() {
        var response = app.send("POST", "/test/form", "multipart/form-data; boundary=x", "--x\r\ngarbage");
        assertEquals(400, response.status());
        assertEquals("There was an error parsing the body", response.detail());
    }

    @Test
    void json_body_with_garbage_after_it_is_422() {
        var response = app.send("POST", "/test/echo", "application/json", "{\"a\": 1} garbage");
        assertEquals(422, response.status());
        assertEquals(
                "json_invalid", response.json().get("detail").get(0).get("type").asText());
    }

    @Test
    void multipart_body_over_the_limit_is_413_json() {
        String body =
                "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" + "x".repeat(1_100_000) + "\r\n--b--\r\n";
        var response = RawHttp.post(app.port(), "/test/form", "multipart/form-data; boundary=b", body);
        assertEquals(413, response.status());
        assertTrue(response.text().contains("Content Too Large"), response.text());
    }

    @Test
    void uncaught_exception_is_500_json_without_internals() {
        var response = app.get("/test/boom");
        assertEquals(500, response.status());
        assertEquals("Internal Server Error", response.detail());
        assertFalse(response.body().contains("SELECT"));
        assertFalse(response.body().contains("IllegalStateException"));
    }

    @Test
    void body_over_the_limit_is_413_json() {
        // a raw socket: the answer may come, and the connection close, before the whole body is sent
        var response =
                RawHttp.post(app.port(), "/test/echo", "application/json", "{\"a\":\"" + "x".repeat(1_100_000) + "\"}");
        assertEquals(413, response.status());
        assertTrue(response.text().contains("Content Too Large"), response.text());
    }

    @Test
    void request_jetty_rejects_before_routing_is_400_json() {
        var response =
                RawHttp.send(app.port(), RawHttp.request("GET", RawHttp.ascii("/../../etc/passwd"), Map.of(), null));
        assertEquals(400, response.status());
        assertEquals("application/json", response.header("Content-Type"));
        assertEquals("{\"detail\":\"Bad Request\"}", response.text());
    }

    @Test
    void percent_u_escape_in_the_path_is_400_json_not_500() {
        var response = RawHttp.send(
                app.port(), RawHttp.request("GET", RawHttp.ascii("/%uff0e%uff0e/etc/passwd"), Map.of(), null));
        assertEquals(400, response.status());
        assertEquals("{\"detail\":\"UTF-16 encoding\"}", response.text()); // Jetty 12's name for the violation
    }

    @Test
    void uri_over_8_kb_is_414_json() {
        var response = RawHttp.send(
                app.port(), RawHttp.request("GET", RawHttp.ascii("/" + "a".repeat(9_000)), Map.of(), null));
        assertEquals(414, response.status());
        assertEquals("{\"detail\":\"URI Too Long\"}", response.text());
    }

    @Test
    void headers_over_8_kb_are_431_json() {
        var response = RawHttp.send(
                app.port(),
                RawHttp.request("GET", RawHttp.ascii("/"), Map.of("X-Big", RawHttp.ascii("b".repeat(9_000))), null));
        assertEquals(431, response.status());
        assertEquals("{\"detail\":\"Request Header Fields Too Large\"}", response.text());
    }

    @Test
    void chunked_body_over_the_limit_is_413_json() {
        byte[] body = RawHttp.ascii("{\"a\":\"" + "x".repeat(1_100_000) + "\"}");
        var response = RawHttp.send(
                app.port(),
                RawHttp.request(
                        "POST",
                        RawHttp.ascii("/test/echo"),
                        Map.of(
                                "Content-Type",
                                RawHttp.ascii("application/json"),
                                "Transfer-Encoding",
                                RawHttp.ascii("chunked")),
                        RawHttp.chunked(body)));
        assertEquals(413, response.status());
        assertEquals("{\"detail\":\"Content Too Large\"}", response.text());
    }

    @Test
    void chunked_body_within_the_limit_is_read_whole() {
        var response = RawHttp.send(
                app.port(),
                RawHttp.request(
                        "POST",
                        RawHttp.ascii("/test/echo"),
                        Map.of(
                                "Content-Type",
                                RawHttp.ascii("application/json"),
                                "Transfer-Encoding",
                                RawHttp.ascii("chunked")),
                        RawHttp.chunked(RawHttp.ascii("{\"a\":\"" + "x".repeat(20_000) + "\"}"))));
        assertEquals(200, response.status());
        assertEquals(20_000, response.text().length() - "{\"a\":\"\"}".length());
    }

    @Test
    void trailing_slash_reaches_the_same_route() {
        assertEquals(200, app.get("/health/").status());
    }
}
