package api.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.DbSettings;
import api.db.Database;
import api.db.migrations.Migrations;
import api.support.TestDb;
import api.support.TestDbs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequestLogDaoTest {
    private static final Instant T0 = Instant.parse("2021-08-29T23:42:58.021392Z");

    private static final List<TestDb> OWN = StoredLogs.fresh("logdao");

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

        dao.store(List.of(aLog("a", 0), aLog("b", 1), aLog("c", 2)));

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
        List<StoredLog> rows = IntStream.range(0, 1000).mapToObj(i -> aLog(String.format("%04d", i), i)).toList();

        dao.store(rows);

        List<String> newestFirst = new ArrayList<>(StoredLogs.labels(rows));
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, StoredLogs.labels(dao.newest(1000, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_batch_whose_last_chunk_is_refused_stores_none_of_its_rows(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        List<StoredLog> rows = new ArrayList<>(IntStream.range(0, 299).mapToObj(i -> aLog("row-" + i, i)).toList());
        StoredLog first = rows.get(0);
        rows.add(new StoredLog(first.logId(), first.log(), first.datetime())); // a duplicate key in the last of the chunks (256, 32, 8, 4)

        assertThrows(RuntimeException.class, () -> dao.store(rows));

        assertEquals(List.of(), dao.newest(10, 0)); // a retry of the batch then meets no half-stored rows
    }

    @Test
    void batches_of_every_size_leave_at_most_nine_statements_prepared_on_the_server() {
        DbSettings settings = TestDbs.freshMariaDbSettings("stmts");
        try (var database = Database.connect(settings, 1, Duration.ofSeconds(2), Duration.ofSeconds(30))) {
            new Migrations(database.dataSource(), false).upgrade();
            RequestLogDao dao = database.jdbi().onDemand(RequestLogDao.class);
            long before = preparedOnServer(database);

            for (int size = 1; size <= 300; size++) {
                int batch = size;
                dao.store(IntStream.range(0, batch).mapToObj(i -> aLog(batch + "-" + i, i)).toList());
            }

            long added = preparedOnServer(database) - before;
            assertTrue(added <= 9 + 1, added + " statements prepared on the server"); // + SHOW GLOBAL STATUS itself
        }
    }

    private static long preparedOnServer(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery("SHOW GLOBAL STATUS LIKE 'Prepared_stmt_count'")
                .map((rs, ctx) -> rs.getLong(2)).one());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void newest_pages_by_limit_and_offset(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        dao.store(List.of(aLog("a", 0), aLog("b", 1), aLog("c", 2), aLog("d", 3)));

        List<StoredLog> page = dao.newest(2, 1);

        assertEquals(List.of("c", "b"), StoredLogs.labels(page));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void oldest_is_the_earliest_key(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        dao.store(List.of(aLog("late", 5), aLog("early", 1)));

        assertEquals(List.of("early"), StoredLogs.labels(List.of(dao.oldest().orElseThrow())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void delete_older_than_takes_only_rows_before_the_cutoff(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        dao.store(List.of(aLog("old", 0), aLog("older", -60), aLog("at-cutoff", 100), aLog("new", 200)));

        int deleted = dao.deleteOlderThan(T0.plusSeconds(100), 1000);

        assertEquals(2, deleted);
        assertEquals(List.of("new", "at-cutoff"), StoredLogs.labels(dao.newest(10, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void delete_older_than_deletes_at_most_the_limit(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        dao.store(IntStream.range(0, 10).mapToObj(i -> aLog("old-" + i, i)).toList());

        assertEquals(4, dao.deleteOlderThan(T0.plusSeconds(100), 4));
        assertEquals(6, dao.newest(100, 0).size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void delete_older_than_keeps_a_recent_row_whose_key_sorts_before_the_cutoff(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        // a random version 4 key, as stored before keys were time-ordered, sorts anywhere
        dao.store(List.of(new StoredLog("00000000-0000-4000-8000-000000000000", "{\"request_id\":\"v4\"}", T0.plusSeconds(200))));

        assertEquals(0, dao.deleteOlderThan(T0.plusSeconds(100), 1000));
        assertEquals(List.of("v4"), StoredLogs.labels(dao.newest(10, 0)));
    }

    /** There is no index on datetime: the newest page and the purge must walk the primary key, not scan and sort. */
    @Test
    void on_mariadb_the_newest_page_and_the_purge_read_the_primary_key_in_order() {
        DbSettings settings = TestDbs.freshMariaDbSettings("logplan");
        try (var database = TestDbs.connect(settings)) {
            new Migrations(database.dataSource(), false).upgrade();
            RequestLogDao dao = database.jdbi().onDemand(RequestLogDao.class);
            dao.store(IntStream.range(0, 2_000).mapToObj(i -> aLog("row-" + i, i)).toList());
            List<Map<String, Object>> page = database.jdbi().withHandle(h -> {
                h.execute("ANALYZE TABLE log_table");
                return h.createQuery("EXPLAIN " + RequestLogDao.NEWEST).bind("limit", 10).bind("offset", 0).mapToMap().list();
            });
            List<Map<String, Object>> purge = database.jdbi().withHandle(h -> h.createQuery("EXPLAIN " + RequestLogDao.DELETE_BEFORE)
                    .bind("firstKept", LogIds.first(T0.plusSeconds(10)))
                    .bind("cutoff", T0.plusSeconds(10))
                    .bind("limit", 5_000)
                    .mapToMap()
                    .list());

            assertEquals("PRIMARY", page.get(0).get("key"), "plan: " + page);
            assertFalse(String.valueOf(page.get(0).get("extra")).contains("filesort"), "plan: " + page);
            assertEquals("PRIMARY", purge.get(0).get("key"), "plan: " + purge);
            assertEquals("range", purge.get(0).get("type"), "plan: " + purge);
        }
    }
}
