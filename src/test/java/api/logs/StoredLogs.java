package api.logs;

import api.config.DbSettings;
import api.db.Database;
import api.support.Await;
import api.support.TestDb;
import api.support.TestDbs;
import api.web.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads {@code log_table} in tests. Request-log tests get databases of their own: apps of other test classes
 * in the same JVM write their logs into the shared ones at any moment.
 */
final class StoredLogs {
    private static TestDb h2;
    private static TestDb mariadb;

    private StoredLogs() {}

    static synchronized Stream<TestDb> ownDatabases() {
        if (h2 == null) {
            h2 = migrated("H2", TestDbs.freshH2Settings("logs"));
            mariadb = migrated("MariaDB", TestDbs.freshMariaDbSettings("logs"));
        }
        return Stream.of(h2, mariadb);
    }

    /** A migrated H2 and MariaDB database for one test class alone, for exact row counts and order. */
    static List<TestDb> fresh(String name) {
        return List.of(
                migrated("H2", TestDbs.freshH2Settings(name)), migrated("MariaDB", TestDbs.freshMariaDbSettings(name)));
    }

    static TestDb migrated(String name, DbSettings settings) {
        Database database = TestDbs.connect(settings);
        database.migrations().upgrade();
        return new TestDb(name, settings, database);
    }

    /**
     * A record as the writer stores it: a time-ordered key for {@code time}, and {@code label} as its request id,
     * to name it in assertions.
     */
    static StoredLog labelled(String label, Instant time) {
        return new StoredLog(new LogIds().next(time), "{\"request_id\":\"" + label + "\",\"status\":200}", time);
    }

    static List<String> labels(List<StoredLog> rows) {
        return rows.stream()
                .map(row -> parse(row.log()).path("request_id").asText())
                .toList();
    }

    /** The stored logs whose request id starts with {@code prefix}, as JSON. */
    static List<JsonNode> withRequestIdPrefix(TestDb db, String prefix) {
        return db
                .jdbi()
                .withHandle(h -> h.createQuery("SELECT log FROM log_table WHERE log LIKE :pattern")
                        .bind("pattern", "%" + prefix + "%")
                        .mapTo(String.class)
                        .list())
                .stream()
                .map(StoredLogs::parse)
                .filter(log -> log.path("request_id").asText().startsWith(prefix))
                .toList();
    }

    /** Waits until {@code expected} logs with the prefix are stored; returns what is stored when it gives up. */
    static List<JsonNode> awaitCount(TestDb db, String prefix, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> logs = withRequestIdPrefix(db, prefix);
        while (logs.size() < expected && System.nanoTime() < deadline) {
            Await.pause();
            logs = withRequestIdPrefix(db, prefix);
        }
        return logs;
    }

    static long count(TestDb db) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM log_table")
                        .mapTo(Long.class)
                        .one());
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
