package api.db.migrations;

import api.db.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every change runs under a database-wide lock, so instances starting together never both migrate. */
public final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    private static final String LOCK_NAME = "api_schema_migrations";
    private static final int LOCK_WAIT_SECONDS = 120;
    private static final Map<String, JavaStep> JAVA_STEPS = Map.of(CanonicalEmails.MIGRATION, new CanonicalEmails());

    public record Applied(int version, String name, String checksum, Instant appliedAt) implements Numbered {}

    private final DataSource dataSource;
    private final Dialect dialect;
    private final List<Migration> known;

    /** Every migration the build knows; {@link api.db.Database#migrations()} is the usual way to one. */
    public Migrations(DataSource dataSource, Dialect dialect) {
        this(dataSource, dialect, MigrationScripts.load("db/migration", dialect));
    }

    public Migrations(DataSource dataSource, Dialect dialect, List<Migration> known) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.known = known;
    }

    public List<Migration> known() {
        return known;
    }

    /** Applies every migration newer than the database's version; returns those it applied. */
    public List<Migration> upgrade() {
        return underLock(connection -> {
            List<Applied> applied = applied(connection);
            verify(applied);
            int current =
                    applied.isEmpty() ? 0 : applied.get(applied.size() - 1).version();
            List<Migration> done = new ArrayList<>();
            for (Migration migration : known) {
                if (migration.version() > current) {
                    long start = System.nanoTime();
                    JavaStep step = JAVA_STEPS.get(migration.label());
                    if (step != null) {
                        step(migration, () -> step.before(connection));
                    }
                    run(connection, migration, migration.upSql(), "up");
                    if (step != null) {
                        step(migration, () -> step.after(connection));
                    }
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO schema_version (version, name, checksum) VALUES (?, ?, ?)")) {
                        insert.setInt(1, migration.version());
                        insert.setString(2, migration.name());
                        insert.setString(3, migration.checksum());
                        insert.executeUpdate();
                    }
                    log.info(
                            "Applied migration {} in {} ms",
                            migration.label(),
                            (System.nanoTime() - start) / 1_000_000);
                    done.add(migration);
                }
            }
            return done;
        });
    }

    /** Reverts the newest {@code steps} applied migrations, newest first; returns those it reverted. */
    public List<Migration> downgrade(int steps) {
        if (steps < 1) {
            throw new MigrationException("downgrade needs a number of steps of at least 1, got " + steps);
        }
        return underLock(connection -> {
            List<Applied> applied = applied(connection);
            verify(applied);
            List<Migration> done = new ArrayList<>();
            for (int i = applied.size() - 1; i >= 0 && done.size() < steps; i--) {
                Migration migration = known.get(applied.get(i).version() - 1);
                run(connection, migration, migration.downSql(), "down");
                try (PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM schema_version WHERE version = ?")) {
                    delete.setInt(1, migration.version());
                    delete.executeUpdate();
                }
                log.info("Reverted migration {}", migration.label());
                done.add(migration);
            }
            return done;
        });
    }

    /** Fails when an applied migration was edited since, or is unknown to this build. */
    public void verify() {
        withConnection(connection -> {
            verify(applied(connection));
            return null;
        });
    }

    public List<Applied> applied() {
        return withConnection(this::applied);
    }

    public Optional<Applied> current() {
        List<Applied> applied = applied();
        return applied.isEmpty() ? Optional.empty() : Optional.of(applied.get(applied.size() - 1));
    }

    public List<Migration> pending() {
        int current = current().map(Applied::version).orElse(0);
        return known.stream().filter(m -> m.version() > current).toList();
    }

    private void verify(List<Applied> applied) {
        for (Applied row : applied) {
            if (row.version() > known.size()) {
                throw new MigrationException("The database has migration " + row.label()
                        + ", which this build does not know: run db downgrade with the build that applied it first");
            }
            Migration migration = known.get(row.version() - 1);
            if (!migration.checksum().equals(row.checksum())) {
                throw new MigrationException("Migration " + migration.label()
                        + " was edited after it was applied (checksum mismatch): add a new migration instead");
            }
        }
    }

    private void run(Connection connection, Migration migration, String sql, String direction) {
        for (String statement : Migration.statements(sql)) {
            try (Statement st = connection.createStatement()) {
                st.execute(statement);
            } catch (SQLException e) {
                throw new MigrationException(
                        "Migration " + migration.label() + " (" + direction + ") failed: " + e.getMessage(), e);
            }
        }
    }

    private interface StepWork {
        void run() throws SQLException;
    }

    private static void step(Migration migration, StepWork work) {
        try {
            work.run();
        } catch (SQLException e) {
            throw new MigrationException("Migration " + migration.label() + " (up, Java) failed: " + e.getMessage(), e);
        }
    }

    private List<Applied> applied(Connection connection) throws SQLException {
        ensureVersionTable(connection);
        List<Applied> rows = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT version, name, checksum, applied_at FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                rows.add(new Applied(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()));
            }
        }
        return rows;
    }

    private static void ensureVersionTable(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("""
                CREATE TABLE IF NOT EXISTS schema_version (
                    version INT NOT NULL PRIMARY KEY,
                    name VARCHAR(255) NOT NULL,
                    checksum VARCHAR(64) NOT NULL,
                    applied_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
                )""");
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new MigrationException("Reading schema_version failed: " + e.getMessage(), e);
        }
    }

    private <T> T underLock(Work<T> work) {
        try {
            return switch (dialect) {
                case MYSQL -> underMySqlLock(work);
                case H2 -> underH2Lock(work);
            };
        } catch (SQLException e) {
            throw new MigrationException("Migrating failed: " + e.getMessage(), e);
        }
    }

    /** GET_LOCK is held by the session, so a crashed migrator releases it when its connection drops. */
    private <T> T underMySqlLock(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                lock.setString(1, LOCK_NAME);
                lock.setInt(2, LOCK_WAIT_SECONDS);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || rs.getInt(1) != 1) {
                        throw new MigrationException("Another instance held the migration lock for over "
                                + LOCK_WAIT_SECONDS + " s; gave up");
                    }
                }
            }
            try {
                return work.run(connection);
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    unlock.setString(1, LOCK_NAME);
                    unlock.executeQuery().close();
                }
            }
        }
    }

    /**
     * H2 has no GET_LOCK, so a second connection holds a row lock on {@code schema_version_lock}: DDL commits the
     * migrating connection's transaction.
     */
    private <T> T underH2Lock(Work<T> work) throws SQLException {
        try (Connection lockConnection = dataSource.getConnection()) {
            try (Statement st = lockConnection.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS schema_version_lock (id INT NOT NULL PRIMARY KEY)");
                st.execute("MERGE INTO schema_version_lock (id) KEY (id) VALUES (1)");
            }
            lockConnection.setAutoCommit(false);
            try (Statement st = lockConnection.createStatement()) {
                st.execute("SET LOCK_TIMEOUT " + LOCK_WAIT_SECONDS * 1000);
                st.executeQuery("SELECT id FROM schema_version_lock WHERE id = 1 FOR UPDATE")
                        .close();
                try (Connection connection = dataSource.getConnection()) {
                    return work.run(connection);
                }
            } finally {
                lockConnection.rollback();
                lockConnection.setAutoCommit(true);
            }
        }
    }
}
