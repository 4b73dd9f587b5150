package api.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.DbSettings;
import api.db.Dialect;
import api.db.migrations.MigrationScripts;
import api.support.TestDbs;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the Procfile's commands as Heroku would: the built jar, PORT, and a mysql:// add-on URL. */
class ProcfileIT {

    @Test
    void release_migrates_and_web_serves_on_port_from_a_mysql_url_then_stops_with_0_on_sigterm() throws Exception {
        Map<String, String> procfile = readProcfile();
        DbSettings db = TestDbs.freshMariaDbSettings("heroku");
        String databaseName = db.jdbcUrl().replaceAll("^.*/([^/?]+)\\?.*$", "$1");
        String herokuUrl = "mysql://root:@127.0.0.1:" + TestDbs.mariadbPort() + "/" + databaseName + "?reconnect=true";
        int port = freePort();
        Path logs = Files.createTempDirectory("procfile");

        Process release = start(procfile.get("release"), port, herokuUrl, logs.resolve("release.log"));
        assertTrue(release.waitFor(60, TimeUnit.SECONDS), "release did not finish");
        assertEquals(0, release.exitValue(), () -> read(logs.resolve("release.log")));
        int migrations = MigrationScripts.load("db/migration", Dialect.MYSQL).size();
        assertTrue(
                read(logs.resolve("release.log")).contains("Applied " + migrations + ":"),
                () -> read(logs.resolve("release.log")));

        Process web = start(procfile.get("web"), port, herokuUrl, logs.resolve("web.log"));
        try {
            assertEquals(200, waitForHealth(port), () -> read(logs.resolve("web.log")));
            web.destroy();
            assertTrue(web.waitFor(30, TimeUnit.SECONDS), "web did not stop within Heroku's 30 s");
            assertEquals(0, web.exitValue(), () -> read(logs.resolve("web.log")));
            assertTrue(
                    read(logs.resolve("web.log")).contains("Shutting down: draining requests"),
                    () -> read(logs.resolve("web.log")));
        } finally {
            web.descendants().forEach(ProcessHandle::destroyForcibly);
            web.destroyForcibly();
        }
    }

    private static Map<String, String> readProcfile() throws Exception {
        Map<String, String> processes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("Procfile"))) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                processes.put(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip());
            }
        }
        assertTrue(processes.containsKey("web") && processes.containsKey("release"), processes.toString());
        return processes;
    }

    /**
     * As Heroku runs a Procfile command: {@code bash -c}, which execs a lone command, so the JVM is the process that
     * gets SIGTERM. (Under dash's {@code sh -c} the shell stayed in between: the signal killed the shell with 143 and
     * left the JVM running.)
     */
    private static Process start(String command, int port, String databaseUrl, Path log) throws Exception {
        var builder = new ProcessBuilder("bash", "-c", command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("DATABASE_URL", databaseUrl);
        builder.environment().put("JAVA_OPTS", "-XX:+UseSerialGC -Xmx256m");
        builder.environment().put("APP_ENV", "production");
        builder.environment().put("SECRET_KEY", "heroku-test-secret-key-with-32-characters-or-more");
        builder.environment().put("OPS_TOKEN", "heroku-test-ops-token-of-32-characters-or-more");
        builder.environment().put("CORS_ORIGINS", "https://example.com");
        return builder.start();
    }

    private static int waitForHealth(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                int status = client.send(health, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200) {
                    return status;
                }
            } catch (ConnectException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return -1;
    }

    private static int freePort() throws Exception {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
