package api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.ChildApp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attack on a stop: clients that leave connections in every broken state, then SIGTERM to the real server in a
 * JVM of its own while a correct login is being checked beside them. One stop, observed once; each test checks one
 * thing about it.
 */
class StopWithBrokenConnectionsTest {
    private static final Duration IDLE_GRACE = Duration.ofSeconds(2);
    /** Far above the grace: a stop that waits for a broken connection shows as a stop this long. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static ChildApp app;
    private static final List<Socket> broken = new ArrayList<>();
    private static Socket bodyNeverSent;
    private static HttpResponse<String> login;
    private static Duration loginAnsweredAfter;
    private static Duration exitedAfter;
    private static Integer exitStatus;

    @BeforeAll
    static void sigterm_with_broken_connections_open_and_a_login_in_flight() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("APP_ENV", "test");
        env.put("HOST", "127.0.0.1");
        env.put("SECRET_KEY", "child-secret-key-that-is-long-enough-for-hs256");
        // a correct password takes a noticeable while to check: the login is surely in flight at the signal
        env.put("BCRYPT_COST", "13");
        env.put("SHUTDOWN_IDLE_GRACE_SECONDS", String.valueOf(IDLE_GRACE.toSeconds()));
        env.put("SHUTDOWN_TIMEOUT_SECONDS", String.valueOf(STOP_TIMEOUT.toSeconds()));
        app = ChildApp.serve(env);
        assertNotNull(app.awaitHealthy(Duration.ofSeconds(60)), app::log);
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> signUp = client.send(
                HttpRequest.newBuilder(app.uri("/users"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"owner@example.com\",\"password\":\"password123\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, signUp.statusCode(), signUp::body);

        openBrokenConnections();
        Thread.sleep(300); // lets the server read what each one sent; a stop must not depend on it having done so

        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(app.uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=owner%40example.com&password=password123"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200);
        long signalled = System.nanoTime();
        app.sigterm();
        login = inFlight.get(60, TimeUnit.SECONDS);
        loginAnsweredAfter = Duration.ofNanos(System.nanoTime() - signalled);
        exitStatus = app.awaitExit(STOP_TIMEOUT.plusSeconds(30));
        exitedAfter = Duration.ofNanos(System.nanoTime() - signalled);
        System.out.printf(
                "stop with broken connections: login answered %d ms after SIGTERM, exit %s after %d ms%n",
                loginAnsweredAfter.toMillis(), exitStatus, exitedAfter.toMillis());
    }

    @AfterAll
    static void close() throws IOException {
        for (Socket socket : broken) {
            socket.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void the_login_in_flight_at_the_signal_gets_its_200() {
        assertEquals(200, login.statusCode(), login::body);
        assertTrue(login.body().contains("access_token"), login::body);
    }

    @Test
    void the_login_was_still_being_checked_when_the_signal_came() {
        assertTrue(loginAnsweredAfter.toMillis() > 0, "the login was answered before the signal: this proves nothing");
    }

    @Test
    void the_server_exits_with_0() {
        assertEquals(0, exitStatus, app::log);
    }

    @Test
    void the_server_exits_within_a_second_after_the_idle_grace_or_the_last_answer() {
        Duration waited = IDLE_GRACE.compareTo(loginAnsweredAfter) > 0 ? IDLE_GRACE : loginAnsweredAfter;
        assertTrue(
                exitedAfter.compareTo(waited.plusSeconds(1)) <= 0,
                () -> "exited " + exitedAfter.toMillis() + " ms after SIGTERM, login answered after "
                        + loginAnsweredAfter.toMillis() + " ms\n" + app.log());
    }

    @Test
    void a_request_whose_body_never_came_is_answered_408_with_a_detail() throws IOException {
        String answer = new String(bodyNeverSent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
        assertTrue(answer.endsWith("{\"detail\":\"Request Timeout\"}"), answer);
    }

    private static void openBrokenConnections() throws IOException {
        // half a request line
        send("GET /heal");
        // headers without their end
        send("GET /health HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n");
        // a declared body never sent: the handler waits to read it
        bodyNeverSent =
                send("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 100\r\n\r\nusername=");
        // a body past the limit, answered 413, while the client goes on sending it
        Socket tooLarge = send("POST /users HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 104857600\r\n\r\n{\"email\":\"" + "a".repeat(20_000));
        assertTrue(statusLine(tooLarge.getInputStream()).contains(" 413 "), "no 413 for the oversized body");
        keepSending(tooLarge, "aaaaaaaaaaaaaaaa");
        // a chunked body that arrives a few bytes at a time
        Socket slowChunks = send("POST /users HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n1\r\n{\r\n");
        keepSending(slowChunks, "1\r\n \r\n");
        // a keep-alive connection left idle after its answer
        Socket idle = send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertTrue(statusLine(idle.getInputStream()).contains(" 200 "), "the idle connection's request failed");
    }

    private static Socket send(String bytes) throws IOException {
        Socket socket = new Socket("127.0.0.1", app.port());
        broken.add(socket);
        socket.getOutputStream().write(bytes.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Writes {@code bytes} every 300 ms until the server closes the connection or the test ends. */
    private static void keepSending(Socket socket, String bytes) {
        Thread writer = new Thread(
                () -> {
                    try {
                        OutputStream out = socket.getOutputStream();
                        while (!socket.isClosed()) {
                            out.write(bytes.getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                            Thread.sleep(300);
                        }
                    } catch (IOException | InterruptedException e) {
                        // the server closed it: what the stop is meant to do
                    }
                },
                "slow-client");
        writer.setDaemon(true);
        writer.start();
    }

    private static String statusLine(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString();
    }
}
