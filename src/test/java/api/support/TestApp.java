package api.support;

import api.App;
import api.config.AppConfig;
import api.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** The real app on a random port with an HTTP client pointed at it. Close it to stop the server. */
public final class TestApp implements AutoCloseable {
    private final Javalin app;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestApp(Javalin app) {
        this.app = app;
    }

    public static TestApp start(TestDb db) {
        return start(TestConfig.forDb(db), db, app -> {});
    }

    public static TestApp start(AppConfig config, TestDb db) {
        return start(config, db, app -> {});
    }

    /**
     * {@code extraRoutes} adds test-only routes (a handler that throws, one that sleeps) before start; each names its
     * role, as every route must.
     */
    public static TestApp start(AppConfig config, TestDb db, Consumer<JavalinConfig> extraRoutes) {
        return start(config, db, Clock.systemUTC(), extraRoutes);
    }

    /** {@code clock} is the app's time for failed-login windows. */
    public static TestApp start(AppConfig config, TestDb db, Clock clock) {
        return start(config, db, clock, app -> {});
    }

    private static TestApp start(AppConfig config, TestDb db, Clock clock, Consumer<JavalinConfig> extraRoutes) {
        Javalin app = App.createApp(config, db.database(), clock, extraRoutes);
        app.start(config.http().host(), 0);
        return new TestApp(app);
    }

    public Javalin javalin() {
        return app;
    }

    public int port() {
        return app.port();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Response delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    public Response postJson(String path, Object body, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .POST(bodyOf(body)));
    }

    public Response putJson(String path, Object body, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .PUT(bodyOf(body)));
    }

    public Response postForm(String path, Map<String, String> form, String... headers) {
        String encoded = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)));
    }

    /** Any method and raw body, for malformed-input tests. */
    public Response send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder builder = request(path, headers);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response =
                    client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            ResponseValidator.check(response);
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    @Override
    public void close() {
        app.stop();
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        try {
            String json = body instanceof String s ? s : Json.MAPPER.writeValueAsString(body);
            return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A response: status, raw body, and the body as JSON on demand. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The {@code detail} of an error body, as text. */
        public String detail() {
            return json().path("detail").asText();
        }
    }
}
