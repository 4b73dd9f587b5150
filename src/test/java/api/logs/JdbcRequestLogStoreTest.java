package api.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.DbSettings;
import api.db.Database;
import api.support.TestDb;
import api.support.TestDbs;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcRequestLogStoreTest {
    private static final Instant T0 = Instant.parse("2021-08-29T23:42:58.021392Z");

    private static final List<TestDb> OWN = StoredLogs.fresh("logstore");

    /** Databases no app writes its request logs into, so row counts and order are exact. */
    static Stream<TestDb> databases() {
        return OWN.stream();
    }

    private static StoredLog aLog(String label, int secondsAfterT0) {
        return StoredLogs.labelled(label, T0.plusSeconds(secondsAfterT0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_batch_stores_every_row_with_its_json_and_datetime(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        var store = new JdbcRequestLogStore(db.jdbi());

        store.store(List.of(aLog("a", 0), aLog("b", 1), aLog("c", 2)));

        List<StoredLog> stored = dao.newest(10, 0);
        assertEquals(List.of("c", "b", "a"), StoredLogs.labels(stored));
        assertEquals(T0.plusSeconds(2), stored.get(0).datetime());
        assertTrue(stored.get(0).log().contains("\"request_id\""));
        assertTrue(stored.get(0).log().contains("\"c\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void store_keeps_every_row_of_a_batch_larger_than_a_chunk(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        var store = new JdbcRequestLogStore(db.jdbi());
        List<StoredLog> rows = IntStream.range(0, 1000)
                .mapToObj(i -> aLog(String.format("%04d", i), i))
                .toList();

        store.store(rows);

        List<String> newestFirst = new ArrayList<>(StoredLogs.labels(rows));
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, StoredLogs.labels(dao.newest(1000, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_batch_whose_last_chunk_is_refused_stores_none_of_its_rows(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        var store = new JdbcRequestLogStore(db.jdbi());
        List<StoredLog> rows = new ArrayList<>(
                IntStream.range(0, 299).mapToObj(i -> aLog("row-" + i, i)).toList());
        StoredLog first = rows.get(0);
        rows.add(new StoredLog(
                first.logId(),
                first.log(),
                first.datetime())); // a duplicate key in the last of the chunks (256, 32, 8, 4)

        assertThrows(RuntimeException.class, () -> store.store(rows));

        assertEquals(List.of(), dao.newest(10, 0)); // a retry of the batch then meets no half-stored rows
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void the_writer_stores_while_requests_hold_every_pooled_connection(TestDb db) throws SQLException {
        db.truncateAll();
        var pool = db.database().dataSource();
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < pool.getMaximumPoolSize()) {
                held.add(pool.getConnection());
            }
            new JdbcRequestLogStore(db.database().logWriter()).store(List.of(aLog("while-busy", 0)));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }

        assertEquals(
                List.of("while-busy"),
                StoredLogs.labels(db.jdbi().onDemand(RequestLogDao.class).newest(10, 0)));
    }

    @Test
    void batches_of_every_size_leave_at_most_nine_statements_prepared_on_the_server() {
        DbSettings settings = TestDbs.freshMariaDbSettings("stmts");
        try (var database = Database.connect(settings, 1, Duration.ofSeconds(2), Duration.ofSeconds(30))) {
            database.migrations().upgrade();
            var store = new JdbcRequestLogStore(database.jdbi());
            long before = preparedOnServer(database);

            for (int size = 1; size <= 300; size++) {
                int batch = size;
                store.store(IntStream.range(0, batch)
                        .mapToObj(i -> aLog(batch + "-" + i, i))
                        .toList());
            }

            long added = preparedOnServer(database) - before;
            assertTrue(added <= 9 + 1, added + " statements prepared on the server"); // + SHOW GLOBAL STATUS itself
        }
    }

    private static long preparedOnServer(Database database) {
        return database.jdbi()
                .withHandle(h -> h.createQuery("SHOW GLOBAL STATUS LIKE 'Prepared_stmt_count'")
                        .map((rs, ctx) -> rs.getLong(2))
                        .one());
    }
}
