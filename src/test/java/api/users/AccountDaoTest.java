package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.auth.AccountStatus;
import api.support.Fixtures;
import api.support.OnEachDatabase;
import api.support.TestDb;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

class AccountDaoTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:15:30.123456Z");

    private static AccountDao accounts(TestDb db) {
        return db.jdbi().onDemand(AccountDao.class);
    }

    private static AccountStatus status(TestDb db, long user) {
        return db.jdbi().onDemand(UserDao.class).status(user).orElseThrow();
    }

    private static void aSession(TestDb db, long user, String idHash) {
        db.jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at)"
                                + " VALUES (?, ?, 'csrf', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                        idHash,
                        user));
    }

    private static void aResetLink(TestDb db, long user, String tokenHash, Instant expiresAt) {
        db.jdbi().onDemand(PasswordResetDao.class).insert(user, tokenHash, expiresAt);
    }

    private static int count(TestDb db, String sql, Object value) {
        return db.jdbi()
                .withHandle(h ->
                        h.createQuery(sql).bind(0, value).mapTo(Integer.class).one());
    }

    @OnEachDatabase
    void a_password_change_stores_the_hash_and_the_time_tokens_count_from(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        long other = Fixtures.aUser(db);

        accounts(db).changePassword(user, "new-hash", NOW);

        assertEquals(NOW, status(db, user).tokensValidAfter());
        assertEquals(1, count(db, "SELECT COUNT(*) FROM users WHERE password = ?", "new-hash"));
        assertNull(status(db, other).tokensValidAfter());
    }

    @OnEachDatabase
    void a_password_change_ends_the_users_sessions_and_reset_link_only(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        long other = Fixtures.aUser(db);
        aSession(db, user, "a".repeat(64));
        aSession(db, other, "b".repeat(64));
        aResetLink(db, user, "c".repeat(64), NOW);

        accounts(db).changePassword(user, "new-hash", NOW);

        assertEquals(0, count(db, "SELECT COUNT(*) FROM sessions WHERE user_id = ?", user));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM sessions WHERE user_id = ?", other));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM password_resets WHERE user_id = ?", user));
    }

    @OnEachDatabase
    void a_reset_uses_a_live_link_once(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        aResetLink(db, user, "c".repeat(64), NOW.plus(30, ChronoUnit.MINUTES));

        assertTrue(accounts(db).resetPassword("c".repeat(64), user, "new-hash", NOW, NOW));
        assertFalse(accounts(db).resetPassword("c".repeat(64), user, "other-hash", NOW, NOW));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM users WHERE password = ?", "new-hash"));
    }

    @OnEachDatabase
    void a_reset_with_an_expired_link_changes_nothing(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        aResetLink(db, user, "c".repeat(64), NOW);

        assertFalse(accounts(db).resetPassword("c".repeat(64), user, "new-hash", NOW, NOW));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM users WHERE password = ?", "new-hash"));
        assertNull(status(db, user).tokensValidAfter());
    }

    @OnEachDatabase
    void a_link_of_another_user_resets_nothing(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        long other = Fixtures.aUser(db);
        aResetLink(db, other, "c".repeat(64), NOW.plus(30, ChronoUnit.MINUTES));

        assertFalse(accounts(db).resetPassword("c".repeat(64), user, "new-hash", NOW, NOW));
    }

    @OnEachDatabase
    void disable_marks_the_account_and_ends_its_tokens_and_sessions(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        aSession(db, user, "a".repeat(64));

        accounts(db).disable(user, NOW);

        assertEquals(new AccountStatus(true, NOW), status(db, user));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM sessions WHERE user_id = ?", user));
    }

    @OnEachDatabase
    void enable_clears_the_mark_and_keeps_the_ended_tokens_ended(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        accounts(db).disable(user, NOW);

        assertEquals(1, accounts(db).enable(user));

        assertEquals(new AccountStatus(false, NOW), status(db, user));
    }

    @OnEachDatabase
    void delete_removes_the_account_its_rows_and_its_counters_only(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        long other = Fixtures.aUser(db);
        long own = Fixtures.aPost(db, user);
        long others = Fixtures.aPost(db, other);
        Fixtures.aVote(db, other, own);
        Fixtures.aVote(db, user, others);
        db.jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO login_failures (counter_key, window_end, failures, account_key)"
                                + " VALUES (?, CURRENT_TIMESTAMP, 1, ?), (?, CURRENT_TIMESTAMP, 1, ?)",
                        "1".repeat(64),
                        "k".repeat(64),
                        "2".repeat(64),
                        "o".repeat(64)));

        accounts(db).delete(user, "k".repeat(64));

        assertEquals(1, Fixtures.count(db, "users"));
        assertEquals(1, Fixtures.count(db, "posts"));
        assertEquals(0, Fixtures.count(db, "votes"));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM login_failures WHERE account_key = ?", "o".repeat(64)));
    }

    @OnEachDatabase
    void list_gives_every_account_with_its_disable_and_last_login(TestDb db) {
        db.truncateAll();
        long user = Fixtures.aUser(db);
        accounts(db).disable(user, NOW);
        db.jdbi().onDemand(UserDao.class).recordLogin(user, NOW);

        var row = accounts(db).list().get(0);

        assertEquals(user, row.id());
        assertEquals(NOW, row.disabledAt());
        assertEquals(NOW, row.lastLoginAt());
    }
}
