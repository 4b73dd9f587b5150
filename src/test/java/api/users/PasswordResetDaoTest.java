package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Fixtures;
import api.support.OnEachDatabase;
import api.support.TestDb;
import java.time.Instant;
import java.util.Optional;

class PasswordResetDaoTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:15:30.123456Z");

    private static PasswordResetDao links(TestDb db) {
        return db.jdbi().onDemand(PasswordResetDao.class);
    }

    @OnEachDatabase
    void a_live_link_names_its_user_until_it_expires(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        links(db).replace(user, "a".repeat(64), NOW);

        assertEquals(Optional.of(user), links(db).userOf("a".repeat(64), NOW.minusNanos(1000)));
        assertTrue(links(db).userOf("a".repeat(64), NOW).isEmpty());
        assertTrue(links(db).userOf("b".repeat(64), NOW.minusSeconds(60)).isEmpty());
    }

    @OnEachDatabase
    void a_new_link_replaces_the_users_earlier_one(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        links(db).replace(user, "a".repeat(64), NOW);

        links(db).replace(user, "b".repeat(64), NOW);

        assertTrue(links(db).userOf("a".repeat(64), NOW.minusSeconds(1)).isEmpty());
        assertEquals(Optional.of(user), links(db).userOf("b".repeat(64), NOW.minusSeconds(1)));
    }

    @OnEachDatabase
    void forget_deletes_the_users_link(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        long other = Fixtures.aUser(db);
        links(db).replace(user, "a".repeat(64), NOW);
        links(db).replace(other, "b".repeat(64), NOW);

        assertEquals(1, links(db).forget(user));

        assertEquals(1, Fixtures.count(db, "password_resets"));
    }

    @OnEachDatabase
    void delete_expired_takes_only_links_expired_by_then_and_at_most_the_limit(TestDb db) {
        db.truncateAll();
        links(db).replace(Fixtures.aUser(db), "a".repeat(64), NOW.minusSeconds(2));
        links(db).replace(Fixtures.aUser(db), "b".repeat(64), NOW.minusSeconds(1));
        links(db).replace(Fixtures.aUser(db), "c".repeat(64), NOW.plusSeconds(1));

        assertEquals(1, links(db).deleteExpired(NOW, 1));
        assertEquals(1, links(db).deleteExpired(NOW, 5));

        assertEquals(1, Fixtures.count(db, "password_resets"));
    }
}
