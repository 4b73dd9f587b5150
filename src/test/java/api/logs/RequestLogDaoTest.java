package api.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import api.config.DbSettings;
import api.support.TestDb;
import api.support.TestDbs;
import java.time.Instant;
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
    void newest_pages_by_limit_and_offset(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        new JdbcRequestLogStore(db.jdbi()).store(List.of(aLog("a", 0), aLog("b", 1), aLog("c", 2), aLog("d", 3)));

        List<StoredLog> page = dao.newest(2, 1);

        assertEquals(List.of("c", "b"), StoredLogs.labels(page));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void oldest_is_the_earliest_key(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        new JdbcRequestLogStore(db.jdbi()).store(List.of(aLog("late", 5), aLog("early", 1)));

        assertEquals(List.of("early"), StoredLogs.labels(List.of(dao.oldest().orElseThrow())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void delete_older_than_takes_only_rows_before_the_cutoff(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        new JdbcRequestLogStore(db.jdbi())
                .store(List.of(aLog("old", 0), aLog("older", -60), aLog("at-cutoff", 100), aLog("new", 200)));

        int deleted = dao.deleteOlderThan(T0.plusSeconds(100), 1000);

        assertEquals(2, deleted);
        assertEquals(List.of("new", "at-cutoff"), StoredLogs.labels(dao.newest(10, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void delete_older_than_deletes_at_most_the_limit(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        new JdbcRequestLogStore(db.jdbi())
                .store(IntStream.range(0, 10).mapToObj(i -> aLog("old-" + i, i)).toList());

        assertEquals(4, dao.deleteOlderThan(T0.plusSeconds(100), 4));
        assertEquals(6, dao.newest(100, 0).size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void delete_older_than_keeps_a_recent_row_whose_key_sorts_before_the_cutoff(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        // a random version 4 key, as stored before keys were time-ordered, sorts anywhere
        new JdbcRequestLogStore(db.jdbi())
                .store(List.of(new StoredLog(
                        "00000000-0000-4000-8000-000000000000", "{\"request_id\":\"v4\"}", T0.plusSeconds(200))));

        assertEquals(0, dao.deleteOlderThan(T0.plusSeconds(100), 1000));
        assertEquals(List.of("v4"), StoredLogs.labels(dao.newest(10, 0)));
    }

    /** There is no index on datetime: the newest page and the purge must walk the primary key, not scan and sort. */
    @Test
    void on_mariadb_the_newest_page_and_the_purge_read_the_primary_key_in_order() {
        DbSettings settings = TestDbs.freshMariaDbSettings("logplan");
        try (var database = TestDbs.connect(settings)) {
            database.migrations().upgrade();
            RequestLogDao dao = database.jdbi().onDemand(RequestLogDao.class);
            new JdbcRequestLogStore(database.jdbi())
                    .store(IntStream.range(0, 2_000)
                            .mapToObj(i -> aLog("row-" + i, i))
                            .toList());
            List<Map<String, Object>> page = database.jdbi().withHandle(h -> {
                h.execute("ANALYZE TABLE log_table");
                return h.createQuery("EXPLAIN " + RequestLogDao.NEWEST)
                        .bind("limit", 10)
                        .bind("offset", 0)
                        .mapToMap()
                        .list();
            });
            List<Map<String, Object>> purge = database.jdbi()
                    .withHandle(h -> h.createQuery("EXPLAIN " + RequestLogDao.DELETE_BEFORE)
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
