package api.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.TestDb;
import api.support.TestDbs;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequestLogDaoTest {
    private static final Instant T0 = Instant.parse("2021-08-29T23:42:58.021392Z");

    private static final List<TestDb> OWN = List.of(
            StoredLogs.migrated("H2", TestDbs.freshH2Settings("logdao")),
            StoredLogs.migrated("MariaDB", TestDbs.freshMariaDbSettings("logdao")));

    /** Databases no app writes its request logs into, so row counts and order are exact. */
    static Stream<TestDb> databases() {
        return OWN.stream();
    }

    private static StoredLog aLog(String id, int secondsAfterT0) {
        return new StoredLog(id, "{\"request_id\":\"" + id + "\",\"status\":200}", T0.plusSeconds(secondsAfterT0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_batch_stores_every_row_with_its_json_and_datetime(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);

        dao.insert(List.of(aLog("a", 0), aLog("b", 1), aLog("c", 2)));

        List<StoredLog> stored = dao.newest(10, 0);
        assertEquals(List.of("c", "b", "a"), stored.stream().map(StoredLog::logId).toList());
        assertEquals(T0.plusSeconds(2), stored.get(0).datetime());
        assertTrue(stored.get(0).log().contains("\"request_id\""));
        assertTrue(stored.get(0).log().contains("\"c\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void newest_pages_by_limit_and_offset(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        dao.insert(List.of(aLog("a", 0), aLog("b", 1), aLog("c", 2), aLog("d", 3)));

        List<StoredLog> page = dao.newest(2, 1);

        assertEquals(List.of("c", "b"), page.stream().map(StoredLog::logId).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void oldest_is_the_earliest_datetime(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        dao.insert(List.of(aLog("late", 5), aLog("early", 1)));

        assertEquals("early", dao.oldest().orElseThrow().logId());
    }
}
