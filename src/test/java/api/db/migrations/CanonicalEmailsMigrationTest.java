package api.db.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.DbSettings;
import api.db.Database;
import api.db.Dialect;
import api.support.TestDbs;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Migration 015 on databases that already hold users, as every existing installation does. */
class CanonicalEmailsMigrationTest {
    private static final int BEFORE = 14;

    static Stream<String> engines() {
        return Stream.of("H2", "MariaDB");
    }

    private static Database fresh(String engine) {
        DbSettings settings =
                engine.equals("H2") ? TestDbs.freshH2Settings("canonical") : TestDbs.freshMariaDbSettings("canonical");
        return TestDbs.connect(settings);
    }

    private static Migrations all(Database db) {
        return db.migrations();
    }

    /** The schema as it was before migration 015. */
    private static Migrations upToBefore(Database db) {
        var before =
                new Migrations(db.dataSource(), db.dialect(), all(db).known().subList(0, BEFORE));
        before.upgrade();
        return before;
    }

    private static void addUser(Database db, String email) {
        db.jdbi().useHandle(h -> h.execute("INSERT INTO users (email, password) VALUES (?, 'x')", email));
    }

    private static Map<String, Object> row(Database db, long id) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT email, display_email FROM users WHERE id = :id")
                        .bind("id", id)
                        .mapToMap()
                        .one());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void existing_emails_become_canonical_and_keep_their_spelling_for_display(String engine) {
        try (Database db = fresh(engine)) {
            upToBefore(db);
            addUser(db, "Mixed.Case@example.com");
            addUser(db, "\uff46\uff55\uff4c\uff4c@example.com"); // full-width "full"
            addUser(db, "plain@example.com");

            all(db).upgrade();

            assertEquals("mixed.case@example.com", row(db, 1).get("email"));
            assertEquals("Mixed.Case@example.com", row(db, 1).get("display_email"));
            assertEquals("full@example.com", row(db, 2).get("email"));
            assertEquals("\uff46\uff55\uff4c\uff4c@example.com", row(db, 2).get("display_email"));
            assertEquals("plain@example.com", row(db, 3).get("email"));
            assertEquals(null, row(db, 3).get("display_email"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void after_it_an_accented_spelling_is_another_address_beside_the_plain_one(String engine) {
        try (Database db = fresh(engine)) {
            upToBefore(db);
            addUser(db, "alice@example.com");
            all(db).upgrade();

            addUser(db, "alic\u00e9@example.com"); // refused as a duplicate by utf8mb4_unicode_ci before

            int users = db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users")
                            .mapTo(Integer.class)
                            .one());
            assertEquals(2, users);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void two_users_that_are_one_address_stop_it_naming_both_and_nothing_changes(String engine) {
        try (Database db = fresh(engine)) {
            Migrations before = upToBefore(db);
            allowCaseVariants(db);
            addUser(db, "Alice@example.com");
            addUser(db, "alice@example.com");

            var error = assertThrows(MigrationException.class, () -> all(db).upgrade());

            assertTrue(
                    error.getMessage().contains("015_canonical_emails_signup_counts stopped: users 1 and 2"),
                    error.getMessage());
            assertTrue(error.getMessage().contains("nothing was changed"), error.getMessage());
            assertEquals(BEFORE, before.current().orElseThrow().version());
            assertFalse(columns(db).contains("display_email"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void once_one_of_two_colliding_users_is_changed_it_migrates(String engine) {
        try (Database db = fresh(engine)) {
            upToBefore(db);
            allowCaseVariants(db);
            addUser(db, "Alice@example.com");
            addUser(db, "alice@example.com");
            assertThrows(MigrationException.class, () -> all(db).upgrade());

            db.jdbi().useHandle(h -> h.execute("UPDATE users SET email = 'alice2@example.com' WHERE id = 2"));
            all(db).upgrade();

            assertEquals("alice@example.com", row(db, 1).get("email"));
            assertEquals("alice2@example.com", row(db, 2).get("email"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void its_downgrade_puts_back_the_spelling_as_typed(String engine) {
        try (Database db = fresh(engine)) {
            upToBefore(db);
            addUser(db, "Mixed.Case@example.com");
            Migrations migrations = all(db);
            migrations.upgrade();

            migrations.downgrade(migrations.known().size() - BEFORE);

            assertFalse(columns(db).contains("display_email"));
            assertEquals(
                    "Mixed.Case@example.com",
                    db.jdbi()
                            .withHandle(h -> h.createQuery("SELECT email FROM users")
                                    .mapTo(String.class)
                                    .one()));
        }
    }

    /**
     * The collision the migration guards against: H2 compared emails by case already, and on MariaDB a database
     * restored without its unique key can hold one too.
     */
    private static void allowCaseVariants(Database db) {
        if (db.dialect() == Dialect.MYSQL) {
            db.jdbi().useHandle(h -> h.execute("ALTER TABLE users DROP INDEX uq_users_email"));
        }
    }

    private static List<String> columns(Database db) {
        return db.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT LOWER(column_name) FROM information_schema.columns WHERE LOWER(table_name) = 'users' AND table_schema = SCHEMA()")
                        .mapTo(String.class)
                        .list());
    }
}
