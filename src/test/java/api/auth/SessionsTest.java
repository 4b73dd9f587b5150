package api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Fixtures;
import api.support.OnEachDatabase;
import api.support.TestDb;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

class SessionsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static Sessions at(TestDb db, Instant now) {
        return new Sessions(db.jdbi().onDemand(SessionDao.class), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String email(TestDb db, long user) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT email FROM users WHERE id = :id")
                        .bind("id", user)
                        .mapTo(String.class)
                        .one());
    }

    @OnEachDatabase
    void a_started_session_is_found_by_its_cookie_value_with_the_users_email_and_a_token(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        Sessions sessions = at(db, NOW);

        Session session = sessions.find(sessions.start(user)).orElseThrow();

        assertEquals(user, session.userId());
        assertEquals(email(db, user), session.email());
        assertTrue(session.csrf().matches("[A-Za-z0-9_-]{43}"), session.csrf());
        assertEquals(NOW.plus(Sessions.LIFETIME), session.expiresAt());
    }

    @OnEachDatabase
    void two_sessions_of_one_user_have_their_own_ids_and_tokens(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        Sessions sessions = at(db, NOW);
        String first = sessions.start(user);
        String second = sessions.start(user);

        assertNotEquals(first, second);
        assertNotEquals(
                sessions.find(first).orElseThrow().csrf(),
                sessions.find(second).orElseThrow().csrf());
    }

    @OnEachDatabase
    void a_session_past_its_lifetime_is_not_found(TestDb db) {
        db.truncateAll();
        String cookie = at(db, NOW).start(Fixtures.aUser(db));

        assertTrue(
                at(db, NOW.plus(Sessions.LIFETIME).minusSeconds(1)).find(cookie).isPresent());
        assertTrue(at(db, NOW.plus(Sessions.LIFETIME)).find(cookie).isEmpty());
    }

    @OnEachDatabase
    void an_ended_session_is_not_found(TestDb db) {
        db.truncateAll();
        Sessions sessions = at(db, NOW);
        String cookie = sessions.start(Fixtures.aUser(db));

        sessions.end(cookie);

        assertTrue(sessions.find(cookie).isEmpty());
        assertEquals(0, Fixtures.count(db, "sessions"));
    }

    @OnEachDatabase
    void a_cookie_that_is_not_a_session_id_finds_nothing(TestDb db) {
        db.truncateAll();
        Sessions sessions = at(db, NOW);
        sessions.start(Fixtures.aUser(db));

        for (String cookie : new String[] {null, "", "x", "A".repeat(43), "' OR '1'='1", "A".repeat(44)}) {
            assertTrue(sessions.find(cookie).isEmpty(), cookie);
        }
    }

    @OnEachDatabase
    void the_purge_deletes_only_expired_sessions_and_says_how_many(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        at(db, NOW.minus(Sessions.LIFETIME).minusSeconds(60)).start(user);
        at(db, NOW.minus(Sessions.LIFETIME).minusSeconds(30)).start(user);
        String live = at(db, NOW).start(user);

        assertEquals(2, at(db, NOW).purgeExpired());

        assertEquals(1, Fixtures.count(db, "sessions"));
        assertTrue(at(db, NOW).find(live).isPresent());
    }

    @OnEachDatabase
    void a_users_sessions_go_with_the_user(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        at(db, NOW).start(user);

        db.jdbi().useHandle(h -> h.execute("DELETE FROM users WHERE id = ?", user));

        assertEquals(0, Fixtures.count(db, "sessions"));
    }

    private static void setUser(TestDb db, long user, String column, Instant at) {
        db.jdbi()
                .useHandle(h -> h.createUpdate("UPDATE users SET " + column + " = :at WHERE id = :id")
                        .bind("at", at)
                        .bind("id", user)
                        .execute());
    }

    @OnEachDatabase
    void a_session_dated_before_the_accounts_tokens_ended_is_no_session(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        Sessions sessions = at(db, NOW);
        // a sign-in whose password was read just before a password change, and whose session is written after it
        setUser(db, user, "tokens_valid_after", NOW.minusMillis(1));

        String session = sessions.start(user, NOW.minusMillis(2));

        assertTrue(sessions.find(session).isEmpty());
    }

    @OnEachDatabase
    void a_session_dated_from_when_the_accounts_tokens_ended_is_found(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        Sessions sessions = at(db, NOW);
        setUser(db, user, "tokens_valid_after", NOW.minusMillis(1));

        assertTrue(sessions.find(sessions.start(user, NOW.minusMillis(1))).isPresent());
    }

    @OnEachDatabase
    void a_disabled_accounts_session_is_no_session(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        Sessions sessions = at(db, NOW);
        String session = sessions.start(user);

        setUser(db, user, "disabled_at", NOW);

        assertTrue(sessions.find(session).isEmpty());
    }
}
