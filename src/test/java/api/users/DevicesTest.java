package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Fixtures;
import api.support.MutableClock;
import api.support.OnEachDatabase;
import api.support.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

class DevicesTest {

    @OnEachDatabase
    void a_device_unused_for_a_year_is_forgotten_by_the_hourly_cleanup_and_known_no_more(TestDb db) {
        db.truncateAll();
        var clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        var devices = new Devices(db.jdbi().onDemand(DeviceDao.class), clock);
        long user = Fixtures.aUser(db);
        String cookie = devices.remember(Optional.empty(), user);

        clock.advance(Devices.LIFETIME);

        assertTrue(devices.known(cookie, user).isEmpty());
        assertEquals(1, devices.forgetUnused());
        assertEquals(0, Fixtures.count(db, "devices"));
    }

    @OnEachDatabase
    void a_login_within_the_year_keeps_the_device(TestDb db) {
        db.truncateAll();
        var clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        var devices = new Devices(db.jdbi().onDemand(DeviceDao.class), clock);
        long user = Fixtures.aUser(db);
        String cookie = devices.remember(Optional.empty(), user);
        clock.advance(Devices.LIFETIME.minus(Duration.ofDays(1)));
        devices.remember(devices.known(cookie, user), user);

        clock.advance(Duration.ofDays(2));

        assertEquals(0, devices.forgetUnused());
        assertTrue(devices.known(cookie, user).isPresent());
    }
}
