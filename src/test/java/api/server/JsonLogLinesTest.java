package api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.ChildApp;
import api.web.Json;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class JsonLogLinesTest {

    @Test
    void every_line_a_json_server_writes_is_one_object_with_time_level_logger_and_message() throws Exception {
        List<JsonNode> lines = jsonServerLog();
        assertTrue(lines.size() > 5, "only " + lines.size() + " lines");
        for (JsonNode line : lines) {
            for (String field : List.of("time", "level", "logger", "thread", "message")) {
                assertTrue(line.hasNonNull(field), field + " missing in " + line);
            }
        }
    }

    @Test
    void at_debug_a_request_gets_a_line_with_its_request_id() throws Exception {
        assertTrue(
                jsonServerLog().stream()
                        .anyMatch(line ->
                                "probe-123".equals(line.path("request_id").asText())
                                        && line.path("message").asText().startsWith("GET /health 200 ")),
                "no line for the request");
    }

    @Test
    void an_exception_is_one_field_with_its_stack_trace() throws Exception {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var event = new LoggingEvent(
                "api.Test",
                context.getLogger("api.Test"),
                Level.ERROR,
                "failed",
                new IllegalStateException("boom"),
                null);
        JsonNode line = Json.MAPPER.readTree(new String(new JsonLogLines().encode(event), StandardCharsets.UTF_8));

        assertEquals("failed", line.get("message").asText());
        assertTrue(line.get("exception").asText().startsWith("java.lang.IllegalStateException: boom"), line.toString());
        assertFalse(line.has("request_id"));
    }

    /** The log of a server run with LOG_FORMAT=json and LOG_LEVEL=DEBUG that answered one request, parsed a line at a time. */
    private static List<JsonNode> jsonServerLog() throws Exception {
        try (ChildApp app = ChildApp.serve(Map.of(
                "APP_ENV", "test",
                "HOST", "127.0.0.1",
                "SECRET_KEY", "child-secret-key-that-is-long-enough-for-hs256",
                "LOG_FORMAT", "json",
                "LOG_LEVEL", "DEBUG"))) {
            assertNotNull(app.awaitHealthy(Duration.ofSeconds(60)), app::log);
            HttpResponse<String> health = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(app.uri("/health"))
                                    .header("X-Request-ID", "probe-123")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            app.sigterm();
            assertEquals(0, app.awaitExit(Duration.ofSeconds(30)), app::log);
            List<JsonNode> lines = new ArrayList<>();
            for (String text : app.log().lines().toList()) {
                lines.add(Json.MAPPER.readTree(text));
            }
            return lines;
        }
    }
}
