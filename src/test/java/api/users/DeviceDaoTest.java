package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;

import api.support.Fixtures;
import api.support.OnEachDatabase;
import api.support.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

class DeviceDaoTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static DeviceDao dao(TestDb db) {
        db.truncateAll();
        return db.jdbi().onDemand(DeviceDao.class);
    }

    @OnEachDatabase
    void owner_is_the_user_a_device_was_inserted_for(TestDb db) {
        DeviceDao devices = dao(db);
        long alice = Fixtures.aUser(db);
        long bob = Fixtures.aUser(db);
        devices.insert("a".repeat(64), alice, NOW);
        devices.insert("b".repeat(64), bob, NOW);

        assertEquals(Optional.of(bob), devices.owner("b".repeat(64), NOW.minusSeconds(1)));
        assertEquals(Optional.empty(), devices.owner("c".repeat(64), NOW.minusSeconds(1)));
    }

    @OnEachDatabase
    void owner_of_a_device_last_used_by_the_given_time_is_empty(TestDb db) {
        DeviceDao devices = dao(db);
        devices.insert("a".repeat(64), Fixtures.aUser(db), NOW);

        assertEquals(Optional.empty(), devices.owner("a".repeat(64), NOW));
    }

    @OnEachDatabase
    void touch_moves_the_last_use_of_that_device_only(TestDb db) {
        DeviceDao devices = dao(db);
        long user = Fixtures.aUser(db);
        devices.insert("a".repeat(64), user, NOW);
        devices.insert("b".repeat(64), user, NOW);

        assertEquals(1, devices.touch("a".repeat(64), NOW.plus(Duration.ofDays(1))));

        assertEquals(Optional.of(user), devices.owner("a".repeat(64), NOW));
        assertEquals(Optional.empty(), devices.owner("b".repeat(64), NOW));
    }

    @OnEachDatabase
    void delete_unused_deletes_at_most_the_limit_of_devices_last_used_by_then(TestDb db) {
        DeviceDao devices = dao(db);
        long user = Fixtures.aUser(db);
        devices.insert("a".repeat(64), user, NOW);
        devices.insert("b".repeat(64), user, NOW);
        devices.insert("c".repeat(64), user, NOW);
        devices.insert("d".repeat(64), user, NOW.plusSeconds(1));

        assertEquals(2, devices.deleteUnused(NOW, 2));
        assertEquals(1, devices.deleteUnused(NOW, 2));
        assertEquals(1, Fixtures.count(db, "devices"));
    }

    @OnEachDatabase
    void a_deleted_user_takes_its_devices_along(TestDb db) {
        DeviceDao devices = dao(db);
        long user = Fixtures.aUser(db);
        devices.insert("a".repeat(64), user, NOW);

        db.jdbi().useHandle(h -> h.execute("DELETE FROM users WHERE id = ?", user));

        assertEquals(0, Fixtures.count(db, "devices"));
    }
}
