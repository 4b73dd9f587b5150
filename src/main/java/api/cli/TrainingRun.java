package api.cli;

import api.App;
import api.config.AppConfig;
import api.db.Database;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code training-run}: the real server on a throwaway embedded database, sent the requests a client sends, then
 * stopped. Run under {@code -XX:ArchiveClassesAtExit} (Java 17) or {@code -XX:AOTCacheOutput} (Java 25), it leaves
 * the archive of everything a start and the first requests load, which later starts map instead of loading.
 * It reads no environment and no .env on purpose: a training run must never reach real data.
 */
public final class TrainingRun {
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** Keeps the pages' cookies (the sign-in token, then the session) as a browser would. */
    private final HttpClient client =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private final String base;
    private final List<String> failures = new ArrayList<>();

    private TrainingRun(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static int run() {
        try {
            return trainOnce();
        } catch (IOException e) {
            System.err.println("training run failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int trainOnce() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("api-training-");
        try {
            AppConfig config = AppConfig.load(
                    Map.of(
                            "DATA_DIR",
                            dir.toString(),
                            "HOST",
                            "127.0.0.1",
                            "PORT",
                            "0",
                            "BCRYPT_COST",
                            "4",
                            "SECRET_KEY",
                            "training-run-only"),
                    Map.of(),
                    Map.of(),
                    Map.of());
            try (Database db = Commands.connect(config)) {
                db.migrations().upgrade();
                Javalin app = App.createApp(config, db).start(config.http().host(), 0);
                try {
                    var training = new TrainingRun(app.port());
                    training.exercise();
                    training.failures.forEach(failure -> System.err.println("training run: " + failure));
                    return training.failures.isEmpty() ? 0 : 1;
                } finally {
                    app.stop();
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private void exercise() throws IOException, InterruptedException {
        get("/", null);
        get("/health", null);
        get("/openapi.json", null);
        get("/docs", null);
        String email = "training@example.com";
        send(
                "POST",
                "/users",
                "application/json",
                "{\"email\": \"" + email + "\", \"password\": \"password123\"}",
                null);
        String token = first(
                TOKEN,
                send(
                        "POST",
                        "/login",
                        "application/x-www-form-urlencoded",
                        "username=" + email + "&password=password123",
                        null));
        String post =
                first(ID, send("POST", "/posts", "application/json", "{\"title\": \"t\", \"content\": \"c\"}", token));
        get("/posts?limit=10", token);
        get("/posts/" + post, token);
        send("PUT", "/posts/" + post, "application/json", "{\"title\": \"t2\", \"content\": \"c2\"}", token);
        send("POST", "/vote", "application/json", "{\"post_id\": " + post + ", \"dir\": 1}", token);
        get("/users/me", token);
        String todo = first(
                ID,
                send(
                        "POST",
                        "/todos",
                        "application/json",
                        "{\"title\": \"練習\", \"memo\": \"m\", \"priority\": 2}",
                        token));
        get("/todos", token);
        send("PUT", "/todos/" + todo, "application/json", "{\"done\": true}", token);
        String signIn = first(CSRF, get("/tasks/login", null));
        send(
                "POST",
                "/tasks/login",
                "application/x-www-form-urlencoded",
                "email=" + form(email) + "&password=password123&csrf=" + form(signIn),
                null);
        String csrf = first(CSRF, get("/tasks/", null));
        if (csrf.equals("0")) {
            failures.add("signing in to the task pages did not reach the task list");
        }
        send(
                "POST",
                "/tasks/new",
                "application/x-www-form-urlencoded",
                "title=" + form("練習") + "&description=&priority=3&due_date=&csrf=" + form(csrf),
                null);
        get("/tasks/new", null);
        get("/tasks/download/todo", null);
        send("POST", "/tasks/logout", "application/x-www-form-urlencoded", "csrf=" + form(csrf), null);
        get("/metrics", null);
        get("/log_all", null);
        send("DELETE", "/posts/" + post, null, null, token);
    }

    private String get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, null, null, token);
    }

    private String send(String method, String path, String contentType, String body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 500) {
            failures.add(method + " " + path + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : "0";
    }
}
