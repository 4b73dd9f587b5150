package api.support;

import api.config.DbSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code api.Main serve} in a JVM of its own, so that signals and exit statuses are the real ones. It runs in an
 * empty working directory (no stray {@code .env}) with its output in {@link #log()}. Closing kills it if it is
 * still running.
 */
public final class ChildApp implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;
    private final long startedNanos;

    private ChildApp(Process process, Path log, int port, long startedNanos) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.startedNanos = startedNanos;
    }

    /** The config a test child starts from: {@code db}, a free port on loopback, cheap bcrypt, 5 s to drain. */
    public static Map<String, String> env(DbSettings db) {
        Map<String, String> env = new HashMap<>();
        env.put("APP_ENV", "test");
        env.put("HOST", "127.0.0.1");
        env.put("BCRYPT_COST", "4");
        env.put("SHUTDOWN_TIMEOUT_SECONDS", "5");
        env.put("SECRET_KEY", "child-secret-key-that-is-long-enough-for-hs256");
        env.put("DATABASE_URL", db.jdbcUrl());
        if (db.username() != null) {
            env.put("DATABASE_USERNAME", db.username());
            env.put("DATABASE_PASSWORD", db.password());
        }
        return env;
    }

    /** Starts {@code serve} with {@code env} on top of the parent's environment; PORT is chosen here. */
    public static ChildApp serve(Map<String, String> env) {
        try {
            int port = freePort();
            Path dir = Files.createTempDirectory("api-child");
            Path log = dir.resolve("out.log");
            var builder = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-XX:+UseSerialGC",
                            "-XX:TieredStopAtLevel=1",
                            "-Xshare:auto",
                            "-cp",
                            System.getProperty("java.class.path"),
                            "api.Main",
                            "serve"))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            builder.environment().put("PORT", String.valueOf(port));
            builder.environment().put("DATA_DIR", dir.resolve("data").toString());
            long started = System.nanoTime();
            return new ChildApp(builder.start(), log, port, started);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The DATA_DIR it was given: its embedded database lives there when no DATABASE_URL is set. */
    public Path dataDir() {
        return log.resolveSibling("data");
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Time since the process was started. */
    public Duration age() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /**
     * Polls {@code /health} until it answers 200; returns the time since start then, or null if it did not within
     * {@code timeout} (or the process ended first).
     */
    public Duration awaitHealthy(Duration timeout) {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest health = HttpRequest.newBuilder(uri("/health"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return age();
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // connection dropped while starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            pause(50);
        }
        return null;
    }

    /** True once the log has a line containing {@code text}; false after {@code timeout}. */
    public boolean awaitLog(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (log().contains(text)) {
                return true;
            }
            pause(50);
        }
        return log().contains(text);
    }

    /** {@code kill -TERM}, as systemd, Heroku and docker stop send it. */
    public void sigterm() {
        process.destroy();
    }

    /** The exit status, or null if the process is still running after {@code timeout}. */
    public Integer awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort(); // closed again: free for the child, unless someone takes it first
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
