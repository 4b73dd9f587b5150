package api.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import api.support.TestDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RequestLogRetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final List<TestDb> OWN = StoredLogs.fresh("retention");

    static Stream<TestDb> databases() {
        return OWN.stream();
    }

    private static StoredLog aLog(String label, Duration age) {
        return StoredLogs.labelled(label, NOW.minus(age));
    }

    private static List<String> remainingIds(RequestLogDao dao) {
        return StoredLogs.labels(dao.newest(1000, 0)).stream().sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void purge_deletes_records_older_than_the_retention_and_keeps_the_rest(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        new JdbcRequestLogStore(db.jdbi())
                .store(List.of(
                        aLog("a-31-days", Duration.ofDays(31)),
                        aLog("b-29-days", Duration.ofDays(29)),
                        aLog("c-just-now", Duration.ZERO)));

        long deleted = new RequestLogRetention(dao, Duration.ofDays(30), CLOCK, 100).purge();

        assertEquals(1, deleted);
        assertEquals(List.of("b-29-days", "c-just-now"), remainingIds(dao));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void purge_goes_on_chunk_by_chunk_until_nothing_old_is_left(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        new JdbcRequestLogStore(db.jdbi())
                .store(IntStream.range(0, 25)
                        .mapToObj(i -> aLog(String.format("old-%02d", i), Duration.ofDays(40 + i)))
                        .toList());
        new JdbcRequestLogStore(db.jdbi()).store(List.of(aLog("recent", Duration.ofHours(1))));
        var retention = new RequestLogRetention(dao, Duration.ofDays(30), CLOCK, 10);

        assertEquals(25, retention.purge());
        assertEquals(List.of("recent"), remainingIds(dao));
        assertEquals(25, retention.purged());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void purge_with_nothing_old_deletes_nothing(TestDb db) {
        db.truncateAll();
        RequestLogDao dao = db.jdbi().onDemand(RequestLogDao.class);
        new JdbcRequestLogStore(db.jdbi()).store(List.of(aLog("recent", Duration.ofDays(1))));

        assertEquals(0, new RequestLogRetention(dao, Duration.ofDays(30), CLOCK, 10).purge());
        assertEquals(List.of("recent"), remainingIds(dao));
    }

    @Test
    void a_zero_retention_keeps_every_record_without_asking_the_database() {
        var retention = new RequestLogRetention(new UnusedRequestLogDao() {}, Duration.ZERO, CLOCK, 10);

        assertEquals(0, retention.purge());
    }
}
