package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.auth.AccountStatus;
import api.db.DbErrors;
import api.support.Fixtures;
import api.support.OnEachDatabase;
import api.support.TestDb;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

class UserDaoTest {

    @OnEachDatabase
    void an_inserted_user_is_found_by_id_with_a_recent_creation_time(TestDb db) {
        db.truncateAll();
        UserDao users = db.jdbi().onDemand(UserDao.class);
        long id = users.insert("ada@example.com", "Ada@example.com", "hash");

        User user = users.find(id).orElseThrow();

        assertEquals(id, user.id());
        assertEquals("Ada@example.com", user.email()); // as typed
        assertTrue(
                Duration.between(user.createdAt(), Instant.now()).abs().toMinutes() < 5, "created " + user.createdAt());
    }

    @OnEachDatabase
    void a_missing_id_finds_nothing(TestDb db) {
        db.truncateAll();
        assertTrue(db.jdbi().onDemand(UserDao.class).find(999_999).isEmpty());
    }

    @OnEachDatabase
    void credentials_are_looked_up_by_the_canonical_email(TestDb db) {
        db.truncateAll();
        UserDao users = db.jdbi().onDemand(UserDao.class);
        users.insert("other@example.com", "other@example.com", "other-hash");
        long id = users.insert("ada@example.com", "Ada@example.com", "ada-hash");

        Credentials credentials = users.credentials("ada@example.com").orElseThrow();

        assertEquals(new Credentials(id, "ada-hash", false), credentials);
        assertTrue(users.credentials("nobody@example.com").isEmpty());
    }

    @OnEachDatabase
    void a_second_user_with_the_same_email_is_a_duplicate_key(TestDb db) {
        db.truncateAll();
        UserDao users = db.jdbi().onDemand(UserDao.class);
        users.insert("ada@example.com", "ada@example.com", "hash");

        var error = assertThrows(
                UnableToExecuteStatementException.class,
                () -> users.insert("ada@example.com", "ADA@example.com", "hash"));

        assertTrue(DbErrors.isDuplicateKey(error));
    }

    @OnEachDatabase
    void an_accented_email_is_another_key_than_the_plain_one(TestDb db) {
        db.truncateAll();
        UserDao users = db.jdbi().onDemand(UserDao.class);
        users.insert("alice@example.com", "alice@example.com", "hash");

        long accented = users.insert("alic\u00e9@example.com", "alic\u00e9@example.com", "other-hash");

        assertEquals(accented, users.idOf("alic\u00e9@example.com").orElseThrow());
        assertTrue(users.idByEmail("\uff21lice@example.com").isPresent()); // full-width A: the plain account
    }

    @OnEachDatabase
    void exists_tells_present_from_missing_users(TestDb db) {
        db.truncateAll();
        long id = Fixtures.aUser(db);
        UserDao users = db.jdbi().onDemand(UserDao.class);

        assertTrue(users.exists(id));
        assertFalse(users.exists(id + 1));
    }

    @OnEachDatabase
    void a_new_users_status_is_enabled_with_every_token_counting(TestDb db) {
        db.truncateAll();
        long id = Fixtures.aUser(db);
        UserDao users = db.jdbi().onDemand(UserDao.class);

        assertEquals(Optional.of(new AccountStatus(false, null)), users.status(id));
        assertTrue(users.status(id + 1).isEmpty());
    }

    @OnEachDatabase
    void account_of_is_the_canonical_email(TestDb db) {
        db.truncateAll();
        UserDao users = db.jdbi().onDemand(UserDao.class);
        long id = users.insert("ada@example.com", "Ada@example.com", "hash");

        assertEquals(Optional.of("ada@example.com"), users.accountOf(id));
    }

    @OnEachDatabase
    void record_login_sets_the_users_last_login_only(TestDb db) {
        db.truncateAll();
        long id = Fixtures.aUser(db);
        long other = Fixtures.aUser(db);
        Instant at = Instant.parse("2026-12-07T10:15:30.123456Z");

        assertEquals(1, db.jdbi().onDemand(UserDao.class).recordLogin(id, at));

        var rows = db.jdbi().onDemand(AccountDao.class).list();
        assertEquals(
                at,
                rows.stream()
                        .filter(r -> r.id() == id)
                        .findFirst()
                        .orElseThrow()
                        .lastLoginAt());
        assertEquals(
                null,
                rows.stream()
                        .filter(r -> r.id() == other)
                        .findFirst()
                        .orElseThrow()
                        .lastLoginAt());
    }
}
