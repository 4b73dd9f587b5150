package api.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.DbSettings;
import api.db.Database;
import api.support.ChildApp;
import api.support.TestDbs;
import api.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One stop, observed once: the jar in a child JVM on MariaDB, 32 clients sending without pause (logins with real
 * bcrypt among them, so some requests are slow), then SIGTERM. A request refused at connect was never accepted;
 * every other request must come back whole. Each test checks one thing about that stop.
 */
@Tag("fault")
class SigtermUnderLoadTest {
    private static final int CLIENTS = 32;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final String PASSWORD = "password123";

    private static DbSettings database;
    private static ChildApp app;
    private static final String prefix = "sigterm-" + System.nanoTime() + "-";

    /** Request id → status, for every request that got an answer. */
    private static final Map<String, Integer> answered = new ConcurrentHashMap<>();
    /** Requests that were sent (not refused) but got no complete answer: what the drain must prevent. */
    private static final ConcurrentLinkedQueue<String> cut = new ConcurrentLinkedQueue<>();

    private static final AtomicInteger refused = new AtomicInteger();
    private static final AtomicInteger inFlightAtSigterm = new AtomicInteger();
    private static Integer exitStatus;
    private static Duration stoppedAfter;

    @BeforeAll
    static void send_sigterm_while_32_clients_are_mid_request() throws Exception {
        database = TestDbs.freshMariaDbSettings("sigterm");
        Map<String, String> env = ChildApp.env(database);
        env.put("SHUTDOWN_TIMEOUT_SECONDS", String.valueOf(STOP_TIMEOUT.toSeconds()));
        env.put(
                "BCRYPT_COST",
                "8"); // a login takes tens of milliseconds: requests that are surely in flight at the signal
        // each login in flight holds a place on its address's failed-login counter until it is answered
        env.put("LOGIN_MAX_FAILURES", "1000000");
        app = ChildApp.serve(env);
        assertNotNull(app.awaitHealthy(Duration.ofSeconds(60)), app::log);

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String email = "sigterm@example.com";
        send(
                client,
                post(
                        "/users",
                        "application/json",
                        "{\"email\": \"" + email + "\", \"password\": \"" + PASSWORD + "\"}"));
        String token = Json.MAPPER
                .readTree(send(client, login(email)).body())
                .get("access_token")
                .asText();

        AtomicBoolean signalled = new AtomicBoolean();
        CountDownLatch warmedUp = new CountDownLatch(CLIENTS * 3);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int clientNo = c;
            Thread thread = new Thread(
                    () -> {
                        for (int n = 0; ; n++) {
                            String id = prefix + clientNo + "-" + n;
                            HttpRequest.Builder request = switch ((clientNo + n) % 4) {
                                case 0 -> login(email);
                                case 1 ->
                                    HttpRequest.newBuilder(app.uri("/posts?limit=5"))
                                            .header("Authorization", "Bearer " + token);
                                case 2 ->
                                    post(
                                                    "/todos",
                                                    "application/json",
                                                    "{\"title\": \"t" + n + "\", \"memo\": \"m\", \"priority\": 3}")
                                            .header("Authorization", "Bearer " + token);
                                default -> HttpRequest.newBuilder(app.uri("/"));
                            };
                            boolean startedBeforeSignal = !signalled.get();
                            try {
                                HttpResponse<String> response = client.send(
                                        request.header("X-Request-ID", id)
                                                .timeout(STOP_TIMEOUT.plusSeconds(5))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString());
                                Json.MAPPER.readTree(response.body()); // a whole JSON document, not a cut one
                                answered.put(id, response.statusCode());
                                if (startedBeforeSignal && signalled.get()) {
                                    inFlightAtSigterm.incrementAndGet();
                                }
                                warmedUp.countDown();
                            } catch (ConnectException e) {
                                refused.incrementAndGet(); // the listener is closed: this request was never accepted
                                return;
                            } catch (IOException e) {
                                if (e.getCause() instanceof ConnectException) {
                                    refused.incrementAndGet();
                                } else if (!startedBeforeSignal) {
                                    // sent after the signal on a connection the kernel had queued but the app never
                                    // accepted:
                                    // closing the listener resets it, which is a refusal by another name
                                    refused.incrementAndGet();
                                } else {
                                    cut.add(id + ": " + e);
                                }
                                return;
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "client-" + c);
            clients.add(thread);
        }
        clients.forEach(Thread::start);
        assertTrue(warmedUp.await(30, TimeUnit.SECONDS), app::log);

        long signalledAt = System.nanoTime();
        signalled.set(true);
        app.sigterm();
        exitStatus = app.awaitExit(STOP_TIMEOUT.plusSeconds(10));
        stoppedAfter = Duration.ofNanos(System.nanoTime() - signalledAt);
        for (Thread thread : clients) {
            thread.join(TimeUnit.SECONDS.toMillis(20));
        }
        System.out.printf(
                "sigterm under load: %d requests answered (%d in flight at the signal), %d refused at connect,"
                        + " %d cut; exit %s after %d ms%n",
                answered.size(),
                inFlightAtSigterm.get(),
                refused.get(),
                cut.size(),
                exitStatus,
                stoppedAfter.toMillis());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void every_accepted_request_gets_a_complete_2xx_answer() {
        assertTrue(
                cut.isEmpty(),
                () -> cut.size() + " requests cut: " + List.copyOf(cut).subList(0, Math.min(5, cut.size())));
        assertTrue(inFlightAtSigterm.get() > 0, "no request was in flight at the signal: the test proves nothing");
        answered.forEach((id, status) -> assertTrue(status >= 200 && status < 300, id + " answered " + status));
    }

    @Test
    void process_exits_0_within_the_stop_timeout() {
        assertEquals(0, exitStatus, app::log);
        assertTrue(stoppedAfter.compareTo(STOP_TIMEOUT) <= 0, "stopped after " + stoppedAfter);
    }

    @Test
    void every_answered_request_has_its_request_log_in_the_database() {
        Set<String> stored = new HashSet<>();
        try (Database db = TestDbs.connect(database)) {
            for (String log : db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT log FROM log_table WHERE log LIKE :prefix")
                            .bind("prefix", "%" + prefix + "%")
                            .mapTo(String.class)
                            .list())) {
                stored.add(requestId(log));
            }
        }
        Set<String> missing = new HashSet<>(answered.keySet());
        missing.removeAll(stored);

        assertTrue(
                missing.isEmpty(),
                () -> missing.size() + " of " + answered.size() + " answered requests have no log: "
                        + missing.stream().limit(5).toList());
    }

    private static HttpRequest.Builder login(String email) {
        return post(
                "/login",
                "application/x-www-form-urlencoded",
                "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=" + PASSWORD);
    }

    private static HttpRequest.Builder post(String path, String contentType, String body) {
        return HttpRequest.newBuilder(app.uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 300, () -> response.statusCode() + " " + response.body());
        return response;
    }

    private static String requestId(String log) {
        try {
            JsonNode node = Json.MAPPER.readTree(log);
            return node.path("request_id").asText();
        } catch (IOException e) {
            throw new AssertionError("stored log is not JSON: " + log, e);
        }
    }
}
