package api.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.DbSettings;
import api.db.migrations.Migration;
import api.db.migrations.Migrations;
import api.support.TestDbs;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The social app's part of the history mirrors the original's seven migrations, each reversible on its own. */
class SocialMigrationsTest {
    private static final int SOCIAL_MIGRATIONS = 7;

    static Stream<String> engines() {
        return Stream.of("H2", "MariaDB");
    }

    private static Database fresh(String engine) {
        DbSettings settings =
                engine.equals("H2") ? TestDbs.freshH2Settings("social") : TestDbs.freshMariaDbSettings("social");
        return TestDbs.connect(settings);
    }

    private static Migrations socialOnly(Database db) {
        Migrations all = db.migrations();
        return new Migrations(db.dataSource(), db.dialect(), all.known().subList(0, SOCIAL_MIGRATIONS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void the_first_seven_migrations_follow_the_original_history(String engine) {
        try (Database db = fresh(engine)) {
            List<String> names =
                    socialOnly(db).known().stream().map(Migration::name).toList();

            assertEquals(
                    List.of(
                            "create_posts",
                            "add_posts_content",
                            "create_users",
                            "add_posts_owner_fk",
                            "add_posts_published_created_at",
                            "create_votes",
                            "add_users_phone_number"),
                    names);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void downgrade_1_drops_only_phone_number_and_upgrade_brings_it_back(String engine) throws SQLException {
        try (Database db = fresh(engine)) {
            Migrations migrations = socialOnly(db);
            migrations.upgrade();
            execute(db, "INSERT INTO users (email, password) VALUES ('kept@example.com', 'x')");

            assertEquals(1, migrations.downgrade(1).size());
            assertFalse(columns(db, "users").contains("phone_number"));
            assertEquals(List.of("id", "email", "password", "created_at"), columns(db, "users"));
            assertEquals(1, count(db, "users"));

            migrations.upgrade();
            assertTrue(columns(db, "users").contains("phone_number"));
            assertEquals(1, count(db, "users"));
        }
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static int count(Database db, String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> columns(Database db, String table) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            var meta = rs.getMetaData();
            List<String> names = new java.util.ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
            }
            return names;
        }
    }
}
