package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Fixtures;
import api.support.MutableClock;
import api.support.OnEachDatabase;
import api.support.TestDb;
import java.time.Duration;
import java.time.Instant;

class SignUpLimitTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T10:30:00Z"));

    private SignUpLimit limit(TestDb db, int maxPerHour) {
        db.truncateAll();
        return new SignUpLimit(db.jdbi().onDemand(SignUpCountDao.class), maxPerHour, clock);
    }

    @OnEachDatabase
    void a_place_given_back_can_be_taken_again(TestDb db) {
        SignUpLimit limit = limit(db, 1);
        limit.giveBack(limit.take("203.0.113.9"));

        assertFalse(limit.take("203.0.113.9").refused());
        assertTrue(limit.take("203.0.113.9").refused());
    }

    @OnEachDatabase
    void addresses_in_one_ipv6_64_share_a_count(TestDb db) {
        SignUpLimit limit = limit(db, 1);
        limit.take("2001:db8::1");

        assertTrue(limit.take("2001:db8::2").refused());
        assertFalse(limit.take("2001:db8:0:1::1").refused());
    }

    @OnEachDatabase
    void the_cleanup_deletes_ended_hours_only(TestDb db) {
        SignUpLimit limit = limit(db, 5);
        limit.take("203.0.113.9");
        clock.advance(Duration.ofHours(1));
        limit.take("203.0.113.9");

        assertEquals(1, limit.deleteEnded());
        assertEquals(1, Fixtures.count(db, "signup_counts"));
    }
}
