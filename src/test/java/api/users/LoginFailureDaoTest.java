package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.db.DbErrors;
import api.support.Fixtures;
import api.support.OnEachDatabase;
import api.support.TestDb;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

class LoginFailureDaoTest {
    private static final Instant WINDOW = Instant.parse("2030-01-01T00:05:00Z");
    private static final Instant NEXT_WINDOW = WINDOW.plusSeconds(300);

    private static LoginFailureDao dao(TestDb db) {
        return db.jdbi().onDemand(LoginFailureDao.class);
    }

    private static void aCounter(TestDb db, String key, Instant windowEnd, int failures) {
        db.jdbi()
                .useHandle(h -> h.createUpdate("""
                        INSERT INTO login_failures (counter_key, window_end, failures)
                        VALUES (:key, :windowEnd, :failures)
                        """)
                        .bind("key", key)
                        .bind("windowEnd", windowEnd)
                        .bind("failures", failures)
                        .execute());
    }

    private static Optional<Integer> failures(TestDb db, String key, Instant windowEnd) {
        return db.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT failures FROM login_failures WHERE counter_key = :key AND window_end = :windowEnd")
                        .bind("key", key)
                        .bind("windowEnd", windowEnd)
                        .mapTo(Integer.class)
                        .findOne());
    }

    @OnEachDatabase
    void increment_counts_one_more_failure_on_that_key_in_that_window_only(TestDb db) {
        db.truncateAll();
        aCounter(db, "a", WINDOW, 1);
        aCounter(db, "b", WINDOW, 1);
        aCounter(db, "a", NEXT_WINDOW, 1);

        assertEquals(1, dao(db).increment("a", WINDOW, 3));

        assertEquals(Optional.of(2), failures(db, "a", WINDOW));
        assertEquals(Optional.of(1), failures(db, "b", WINDOW));
        assertEquals(Optional.of(1), failures(db, "a", NEXT_WINDOW));
    }

    @OnEachDatabase
    void increment_leaves_a_counter_at_its_limit_as_it_is(TestDb db) {
        db.truncateAll();
        aCounter(db, "a", WINDOW, 3);

        assertEquals(0, dao(db).increment("a", WINDOW, 3));
        assertEquals(Optional.of(3), failures(db, "a", WINDOW));
    }

    @OnEachDatabase
    void increment_of_a_counter_not_yet_there_changes_nothing(TestDb db) {
        db.truncateAll();

        assertEquals(0, dao(db).increment("a", WINDOW, 3));
        assertEquals(0, Fixtures.count(db, "login_failures"));
    }

    @OnEachDatabase
    void insert_first_starts_the_keys_counter_in_the_window_at_one(TestDb db) {
        db.truncateAll();

        dao(db).insertFirst("a", WINDOW, null);

        assertEquals(Optional.of(1), failures(db, "a", WINDOW));
    }

    @OnEachDatabase
    void insert_first_records_the_account_the_counter_is_for(TestDb db) {
        db.truncateAll();

        dao(db).insertFirst("a", WINDOW, "account-a");

        assertEquals(
                List.of("account-a"),
                db.jdbi()
                        .withHandle(h -> h.createQuery("SELECT account_key FROM login_failures")
                                .mapTo(String.class)
                                .list()));
    }

    @OnEachDatabase
    void delete_account_deletes_the_accounts_counters_in_every_window_and_no_other(TestDb db) {
        db.truncateAll();
        dao(db).insertFirst("a", WINDOW, "account-a");
        dao(db).insertFirst("a", NEXT_WINDOW, "account-a");
        dao(db).insertFirst("b", WINDOW, "account-b");
        dao(db).insertFirst("network", WINDOW, null);

        assertEquals(2, dao(db).deleteAccount("account-a"));

        assertEquals(Optional.of(1), failures(db, "b", WINDOW));
        assertEquals(Optional.of(1), failures(db, "network", WINDOW));
        assertEquals(2, Fixtures.count(db, "login_failures"));
    }

    @OnEachDatabase
    void insert_first_of_a_counter_already_there_is_a_duplicate_key(TestDb db) {
        db.truncateAll();
        aCounter(db, "a", WINDOW, 2);

        var error = assertThrows(UnableToExecuteStatementException.class, () -> dao(db).insertFirst("a", WINDOW, null));

        assertTrue(DbErrors.isDuplicateKey(error));
        assertEquals(Optional.of(2), failures(db, "a", WINDOW));
    }

    @OnEachDatabase
    void decrement_takes_one_from_each_named_counter_in_the_window_and_never_goes_below_zero(TestDb db) {
        db.truncateAll();
        aCounter(db, "a", WINDOW, 2);
        aCounter(db, "b", WINDOW, 1);
        aCounter(db, "empty", WINDOW, 0);
        aCounter(db, "other", WINDOW, 1);
        aCounter(db, "a", NEXT_WINDOW, 2);

        assertEquals(2, dao(db).decrement(List.of("a", "b", "empty"), WINDOW));

        assertEquals(Optional.of(1), failures(db, "a", WINDOW));
        assertEquals(Optional.of(0), failures(db, "b", WINDOW));
        assertEquals(Optional.of(0), failures(db, "empty", WINDOW));
        assertEquals(Optional.of(1), failures(db, "other", WINDOW));
        assertEquals(Optional.of(2), failures(db, "a", NEXT_WINDOW));
    }

    @OnEachDatabase
    void delete_ended_deletes_the_counters_whose_window_ended_by_now(TestDb db) {
        db.truncateAll();
        aCounter(db, "ended-earlier", WINDOW.minusSeconds(300), 1);
        aCounter(db, "ended-now", WINDOW, 1);
        aCounter(db, "running", NEXT_WINDOW, 1);

        assertEquals(2, dao(db).deleteEnded(WINDOW, 10));

        assertEquals(1, Fixtures.count(db, "login_failures"));
        assertEquals(Optional.of(1), failures(db, "running", NEXT_WINDOW));
    }

    @OnEachDatabase
    void delete_ended_deletes_at_most_the_limit(TestDb db) {
        db.truncateAll();
        aCounter(db, "a", WINDOW, 1);
        aCounter(db, "b", WINDOW, 1);
        aCounter(db, "c", WINDOW, 1);

        assertEquals(2, dao(db).deleteEnded(WINDOW, 2));
        assertEquals(1, Fixtures.count(db, "login_failures"));
    }
}
