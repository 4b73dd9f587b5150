package api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.auth.Role;
import api.support.Await;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDbs;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.SelectableChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

    @Test
    void stop_lets_an_in_flight_request_finish_and_refuses_new_connections() throws Exception {
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        TestApp app = TestApp.start(
                TestConfig.forDb(TestDbs.h2()),
                TestDbs.h2(),
                cfg -> cfg.routes.get(
                        "/test/slow",
                        ctx -> {
                            started.countDown();
                            release.await(30, TimeUnit.SECONDS);
                            ctx.result("finished");
                        },
                        Role.PUBLIC));
        int port = app.port();
        CompletableFuture<TestApp.Response> slow = CompletableFuture.supplyAsync(() -> app.get("/test/slow"));
        assertTrue(started.await(30, TimeUnit.SECONDS));

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::close);

        Await.until("the listener to close", () -> refusesConnections(port));
        assertFalse(slow.isDone(), "the in-flight request ended before it was let finish");
        release.countDown();
        TestApp.Response response = slow.get(30, TimeUnit.SECONDS);
        assertEquals(200, response.status());
        assertEquals("finished", response.body());
        stopping.get(30, TimeUnit.SECONDS);
    }

    @Test
    void request_on_an_open_keep_alive_connection_during_the_idle_grace_is_answered_not_refused() throws Exception {
        TestApp app =
                TestApp.start(TestConfig.forDb(TestDbs.h2(), Map.of("SHUTDOWN_IDLE_GRACE_SECONDS", "5")), TestDbs.h2());
        int port = app.port();
        try (Socket keepAlive = new Socket("127.0.0.1", port)) {
            var in = new BufferedReader(new InputStreamReader(keepAlive.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(rawGet(keepAlive, in, "/").startsWith("HTTP/1.1 200"));
            var connector =
                    (AbstractConnector) app.javalin().jettyServer().server().getConnectors()[0];
            // idle on the server's side too: Jetty closes a connection whose answer completes once it is shutting down
            Await.until(
                    "the first answer to be complete on the server",
                    () -> connector.getConnectedEndPoints().stream()
                            .allMatch(endPoint -> endPoint.getConnection() instanceof HttpConnection http
                                    && http.getHttpChannel().getRequest() == null));
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(app::close);
            Await.until("the drain to begin", () -> refusesConnections(port));

            String during = rawGet(keepAlive, in, "/");

            assertTrue(during.startsWith("HTTP/1.1 200"), during);
            assertTrue(during.toLowerCase().contains("connection: close"), during);
            stopping.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_connection_whose_answer_began_before_the_stop_stays_open_for_the_next_request() throws Exception {
        var committed = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        TestApp app = TestApp.start(
                TestConfig.forDb(TestDbs.h2(), Map.of("SHUTDOWN_IDLE_GRACE_SECONDS", "5")),
                TestDbs.h2(),
                cfg -> cfg.routes.get(
                        "/test/streamed",
                        ctx -> {
                            ctx.res().setContentLength(4);
                            ctx.res().getOutputStream().write("part".getBytes(StandardCharsets.US_ASCII), 0, 2);
                            ctx.res().flushBuffer();
                            committed.countDown();
                            release.await(30, TimeUnit.SECONDS);
                            ctx.res().getOutputStream().write("rt".getBytes(StandardCharsets.US_ASCII));
                        },
                        Role.PUBLIC));
        int port = app.port();
        CompletableFuture<Void> stopping;
        try (Socket keepAlive = new Socket("127.0.0.1", port)) {
            keepAlive.setSoTimeout(30_000);
            var in = new BufferedReader(new InputStreamReader(keepAlive.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return rawGet(keepAlive, in, "/test/streamed");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(committed.await(30, TimeUnit.SECONDS));
            stopping = CompletableFuture.runAsync(app::close);
            Await.until("the listener to close", () -> refusesConnections(port));
            release.countDown();
            // its headers left before the stop, so nothing told the client this connection would close
            assertFalse(first.get(30, TimeUnit.SECONDS).toLowerCase().contains("connection: close"));

            String next = rawGet(keepAlive, in, "/");

            assertTrue(next.startsWith("HTTP/1.1 200"), "answered: " + next);
            assertTrue(next.toLowerCase().contains("connection: close"), next);
        }
        stopping.get(30, TimeUnit.SECONDS);
    }

    @Test
    void a_connection_accepted_but_not_yet_opened_when_the_listener_closes_is_answered_not_dropped() throws Exception {
        TestApp app = TestApp.start(TestConfig.forDb(TestDbs.h2()), TestDbs.h2());
        int port = app.port();
        var connector = (ServerConnector) app.javalin().jettyServer().server().getConnectors()[0];
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        // keeps accepted connections where a busy machine may leave them: taken from the kernel, not yet opened
        connector.getSelectorManager().addEventListener(new SelectorManager.AcceptListener() {
            @Override
            public void onAccepted(SelectableChannel channel) {
                held.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        CompletableFuture<Void> stopping;
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(30_000);
            var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            client.getOutputStream()
                    .write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(held.await(30, TimeUnit.SECONDS));

            stopping = CompletableFuture.runAsync(app::close);
            Await.until("the listener to close", () -> refusesConnections(port));
            boolean stoppedWithTheConnectionInHand = becomesTrueWithin(Duration.ofSeconds(1), connector::isStopped);
            release.countDown();

            assertFalse(stoppedWithTheConnectionInHand, "the connector stopped with an accepted connection in hand");
            String status = in.readLine();
            assertTrue(status != null && status.startsWith("HTTP/1.1 200"), "answered: " + status);
        }
        stopping.get(30, TimeUnit.SECONDS);
    }

    @Test
    void sigterm_drains_and_exits_with_0() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory("api-shutdown");
        Path log = dataDir.resolve("out.log");
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "api.Main",
                        "--port=" + port,
                        "--host=127.0.0.1",
                        "--data-dir=" + dataDir,
                        "--shutdown-timeout-seconds=5")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .build();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            int status = 0;
            while (status != 200 && System.nanoTime() < deadline) {
                try {
                    status = client.send(health, HttpResponse.BodyHandlers.ofString())
                            .statusCode();
                } catch (ConnectException e) {
                    Thread.sleep(100);
                }
            }
            assertEquals(200, status, () -> read(log));

            process.destroy(); // SIGTERM

            assertTrue(process.waitFor(15, TimeUnit.SECONDS), "did not exit");
            assertEquals(0, process.exitValue(), () -> read(log));
            List<String> lines = Files.readAllLines(log);
            assertTrue(lines.stream().anyMatch(l -> l.contains("Shutting down: draining requests")), () -> read(log));
            assertTrue(lines.get(lines.size() - 1).endsWith("Stopped"), () -> read(log));
        } finally {
            process.destroyForcibly();
        }
    }

    private static boolean refusesConnections(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** For a test that something does not happen: false once {@code within} has passed without it. */
    private static boolean becomesTrueWithin(Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Await.pause();
        }
        return true;
    }

    private static String rawGet(Socket socket, BufferedReader in, String path) throws Exception {
        socket.getOutputStream()
                .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        StringBuilder head = new StringBuilder();
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            head.append(line).append('\n');
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        in.skip(length);
        return head.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
