package api.db.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.DbSettings;
import api.db.Database;
import api.support.TestDbs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationsTest {

    static Stream<String> engines() {
        return Stream.of("H2", "MariaDB");
    }

    private static Database fresh(String engine) {
        DbSettings settings = engine.equals("H2")
                ? TestDbs.freshH2Settings("migrations")
                : TestDbs.freshMariaDbSettings("migrations");
        return TestDbs.connect(settings);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void all_ups_all_downs_and_all_ups_again_succeed(String engine) {
        try (Database db = fresh(engine)) {
            var migrations = db.migrations();
            int count = migrations.known().size();

            assertEquals(count, migrations.upgrade().size());
            assertEquals(count, migrations.downgrade(count).size());
            assertTrue(migrations.current().isEmpty());
            assertEquals(count, migrations.upgrade().size());
            assertEquals(count, migrations.current().orElseThrow().version());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void downgrade_one_drops_only_the_phone_number_and_upgrade_brings_it_back(String engine) {
        try (Database db = fresh(engine)) {
            var migrations = db.migrations();
            migrations.upgrade();
            migrations.downgrade(
                    migrations.known().size() - 7 + 1); // back to 006: the social schema without phone_number

            assertFalse(columns(db, "users").contains("phone_number"));
            assertTrue(columns(db, "users").contains("email"));
            assertEquals(6, migrations.current().orElseThrow().version());

            migrations.upgrade();
            assertTrue(columns(db, "users").contains("phone_number"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void migrations_keep_rows_and_japanese_text_across_a_later_downgrade_and_upgrade(String engine) {
        try (Database db = fresh(engine)) {
            var migrations = db.migrations();
            migrations.upgrade();
            db.jdbi()
                    .useHandle(h ->
                            h.execute("INSERT INTO users (email, password) VALUES ('a@example.com', '日本語のパスワード')"));

            migrations.downgrade(migrations.known().size() - 6);
            migrations.upgrade();

            assertEquals(
                    "日本語のパスワード",
                    db.jdbi()
                            .withHandle(h -> h.createQuery("SELECT password FROM users")
                                    .mapTo(String.class)
                                    .one()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void an_applied_migration_edited_afterwards_is_refused(String engine) {
        try (Database db = fresh(engine)) {
            List<Migration> original =
                    List.of(new Migration(1, "create_t", "CREATE TABLE t (id INT);", "DROP TABLE t;"));
            new Migrations(db.dataSource(), db.dialect(), original).upgrade();
            List<Migration> edited =
                    List.of(new Migration(1, "create_t", "CREATE TABLE t (id BIGINT);", "DROP TABLE t;"));

            var error = assertThrows(
                    MigrationException.class, () -> new Migrations(db.dataSource(), db.dialect(), edited).upgrade());
            assertTrue(error.getMessage().contains("001_create_t was edited after it was applied"), error.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void a_database_newer_than_the_build_is_refused(String engine) {
        try (Database db = fresh(engine)) {
            var two = List.of(
                    new Migration(1, "a", "CREATE TABLE a (id INT);", "DROP TABLE a;"),
                    new Migration(2, "b", "CREATE TABLE b (id INT);", "DROP TABLE b;"));
            new Migrations(db.dataSource(), db.dialect(), two).upgrade();

            var error = assertThrows(
                    MigrationException.class,
                    () -> new Migrations(db.dataSource(), db.dialect(), two.subList(0, 1)).verify());
            assertTrue(error.getMessage().contains("002_b, which this build does not know"), error.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void a_failing_migration_names_itself_and_is_not_recorded(String engine) {
        try (Database db = fresh(engine)) {
            var broken = List.of(new Migration(1, "broken", "CREATE TABLE nope (id INT, id INT);", "DROP TABLE nope;"));
            var migrations = new Migrations(db.dataSource(), db.dialect(), broken);

            var error = assertThrows(MigrationException.class, migrations::upgrade);
            assertTrue(error.getMessage().startsWith("Migration 001_broken (up) failed"), error.getMessage());
            assertTrue(migrations.current().isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void instances_starting_together_apply_each_migration_once(String engine) throws Exception {
        try (Database db = fresh(engine)) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<List<Migration>>> results = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    results.add(pool.submit(() -> db.migrations().upgrade()));
                }
                int applied = 0;
                for (Future<List<Migration>> result : results) {
                    applied += result.get(60, TimeUnit.SECONDS).size();
                }
                var migrations = db.migrations();
                assertEquals(migrations.known().size(), applied);
                assertEquals(migrations.known().size(), migrations.applied().size());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void scripts_split_into_statements_at_line_ending_semicolons_and_skip_comments() {
        assertEquals(
                List.of("CREATE TABLE a (x VARCHAR(3) DEFAULT ';')", "INSERT INTO a VALUES ('b')"),
                Migration.statements(
                        "-- first\nCREATE TABLE a (x VARCHAR(3) DEFAULT ';');\n\nINSERT INTO a VALUES ('b');\n"));
    }

    private static List<String> columns(Database db, String table) {
        return db.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT LOWER(column_name) FROM information_schema.columns WHERE LOWER(table_name) = :t AND table_schema = SCHEMA()")
                        .bind("t", table)
                        .mapTo(String.class)
                        .list());
    }
}
