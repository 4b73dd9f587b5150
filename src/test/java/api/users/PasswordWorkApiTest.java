package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Await;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import api.support.TestDbs;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * bcrypt runs on its own threads: a login waiting for a hash holds none of Jetty's workers, and past the queue a
 * login is refused at once. One bcrypt thread at cost 13 (about half a second a hash) keeps the queue full while the
 * test looks.
 */
class PasswordWorkApiTest {
    private final TestDb db = TestDbs.h2();
    private final HttpClient client = HttpClient.newHttpClient();
    private TestApp app;

    @AfterEach
    void stop() {
        app.close();
    }

    private void start(int queueSize) {
        db.truncateAll();
        app = TestApp.start(
                TestConfig.forDb(
                        db,
                        Map.of(
                                "BCRYPT_COST",
                                "13",
                                "BCRYPT_THREADS",
                                "1",
                                "BCRYPT_QUEUE_SIZE",
                                String.valueOf(queueSize),
                                "HTTP_THREADS",
                                "8",
                                "LOGIN_MAX_FAILURES",
                                "1000")),
                db);
    }

    private CompletableFuture<HttpResponse<String>> login(int n) {
        String form = "username=" + URLEncoder.encode("nobody" + n + "@example.com", StandardCharsets.UTF_8)
                + "&password=wrong-password";
        return client.sendAsync(
                app.request("/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void logins_past_the_bcrypt_queue_get_503_with_retry_after_and_the_rest_are_answered() {
        start(1);

        List<HttpResponse<String>> answers = IntStream.range(0, 4).mapToObj(this::login).toList().stream()
                .map(CompletableFuture::join)
                .toList();

        List<HttpResponse<String>> refused =
                answers.stream().filter(r -> r.statusCode() == 503).toList();
        assertEquals(2, refused.size(), "one hashing, one queued, two refused: " + answers);
        assertEquals(2, answers.stream().filter(r -> r.statusCode() == 403).count());
        assertEquals("1", refused.get(0).headers().firstValue("Retry-After").orElseThrow());
        assertTrue(
                refused.get(0).body().contains("Too many password checks"),
                refused.get(0).body());
        assertTrue(app.get("/metrics").body().contains("\npassword_work_rejected_total 2.0\n"));
    }

    @Test
    void other_requests_are_answered_while_more_logins_wait_for_bcrypt_than_jetty_has_threads() {
        start(20);
        List<CompletableFuture<HttpResponse<String>>> logins =
                IntStream.range(0, 8).mapToObj(this::login).toList();
        awaitQueued(7); // asked through /metrics, which needs a free Jetty worker too

        var health = app.get("/health");

        assertEquals(200, health.status());
        assertTrue(
                logins.stream().noneMatch(CompletableFuture::isDone), "a login finished before /health was answered");
        logins.forEach(l -> assertEquals(403, l.join().statusCode()));
    }

    private void awaitQueued(int hashes) {
        Await.until(
                "the bcrypt queue to hold " + hashes,
                () -> app.get("/metrics").body().contains("\npassword_work_queue_depth " + hashes + ".0\n"));
    }
}
