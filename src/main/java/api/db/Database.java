package api.db;

import api.config.DbSettings;
import api.db.migrations.Migrations;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pool the requests share, and one connection apart for the request-log writer: the writer then never waits
 * behind requests for a connection, and the multi-row INSERTs it prepares, which keep every parameter with its
 * metadata, are cached on that one connection rather than on every pooled one, where they held much of the heap.
 */
public record Database(HikariDataSource dataSource, Jdbi jdbi, DbSettings settings, HikariDataSource logWriterPool)
        implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final long MIN_TRY_MS = 250;

    /** Waits, retrying with backoff, until the database answers or {@code deadline} passes, then builds the pool. */
    public static Database connect(DbSettings settings, int poolSize, Duration connectionTimeout, Duration deadline) {
        awaitReachable(settings, connectionTimeout, deadline);
        return open(settings, poolSize, connectionTimeout);
    }

    /** Does not wait for the database; the pool opens its connections in the background. */
    public static Database open(DbSettings settings, int poolSize, Duration connectionTimeout) {
        HikariDataSource pool = new HikariDataSource(poolConfig("api-db", settings, poolSize, connectionTimeout));
        HikariDataSource logWriterPool =
                new HikariDataSource(poolConfig("api-db-log-writer", settings, 1, connectionTimeout));
        Jdbi jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        // a failed statement's message names its SQL but never the values bound to it (emails, hashes, tokens)
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutParameters);
        if (Dialect.of(settings) == Dialect.MYSQL) {
            jdbi.registerArgument(new InstantsAsText());
        }
        return new Database(pool, jdbi, settings, logWriterPool);
    }

    /**
     * Each try is cut to the time left, so the give-up comes at the deadline rather than a connection timeout after it.
     */
    public static void awaitReachable(DbSettings settings, Duration connectionTimeout, Duration deadline) {
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        long backoffMs = 250;
        for (int attempt = 1; ; attempt++) {
            long tryMs = Math.min(connectionTimeout.toMillis(), Math.max(MIN_TRY_MS, msUntil(giveUpAt)));
            try (Connection probe = driver(settings, tryMs, true).getConnection()) {
                if (attempt > 1) {
                    log.info("Database {} reachable after {} attempts", settings.safeUrl(), attempt);
                }
                return;
            } catch (SQLException e) {
                if (DbErrors.isFileInUse(e)) {
                    // waiting cannot help: the server that holds the file runs until someone stops it
                    throw new DatabaseUnavailableException("the embedded database "
                            + settings.h2File().orElse(settings.safeUrl())
                            + " is in use by a running server: stop it, or run the command through MySQL/MariaDB");
                }
                if (DbErrors.isUnreadableFile(e)) {
                    // waiting cannot help either: only an export with the H2 that wrote the file carries it across
                    throw new DatabaseUnavailableException("the embedded database "
                            + settings.h2File().orElse(settings.safeUrl())
                            + " was written by an H2 this build cannot read (" + rootCause(e)
                            + "): export it with the jar that wrote it (org.h2.tools.Script), move the file aside and"
                            + " import the script with this jar (org.h2.tools.RunScript), as troubleshooting.md shows");
                }
                long remainingMs = msUntil(giveUpAt);
                if (remainingMs <= 0) {
                    throw new DatabaseUnavailableException("Could not connect to the database at " + settings.safeUrl()
                            + " within " + deadline.toSeconds() + " s (DB_CONNECT_DEADLINE_SECONDS): " + rootCause(e));
                }
                long sleepMs = Math.min(backoffMs, remainingMs);
                log.warn(
                        "Database {} not reachable (attempt {}): {}; retrying in {} ms",
                        settings.safeUrl(),
                        attempt,
                        rootCause(e),
                        sleepMs);
                sleep(sleepMs);
                backoffMs = Math.min(backoffMs * 2, 5_000);
            }
        }
    }

    public Dialect dialect() {
        return Dialect.of(settings);
    }

    /** The migration runner for this database, with every migration the build knows. */
    public Migrations migrations() {
        return new Migrations(dataSource, dialect());
    }

    /**
     * A ping ({@code isValid}) rather than a query with a timeout: the driver's ping needs no cancellation timer
     * thread per connection, and a connection that fails it is evicted here, as the pool would after a failed query.
     */
    public boolean isUp() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                return true;
            }
            dataSource.evictConnection(connection);
            return false;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The request-log writer's own connection. */
    public Jdbi logWriter() {
        return Jdbi.create(logWriterPool);
    }

    @Override
    public void close() {
        for (HikariDataSource pool : List.of(logWriterPool, dataSource)) {
            if (pool.getDataSource() instanceof PatientDataSource patient) {
                patient.close();
            }
            pool.close();
        }
    }

    private static HikariConfig poolConfig(String name, DbSettings settings, int poolSize, Duration connectionTimeout) {
        var config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(new PatientDataSource(driver(settings, connectionTimeout.toMillis(), false)));
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setValidationTimeout(Math.min(1_000, connectionTimeout.toMillis()));
        config.setInitializationFailTimeout(-1); // connect() has done the waiting, with logging and a deadline
        return config;
    }

    /**
     * For a probe {@code timeoutMs} bounds the handshake too, so a silent server cannot hold start-up past its
     * deadline.
     */
    private static DataSource driver(DbSettings settings, long timeoutMs, boolean probe) {
        var properties = new Properties();
        if (Dialect.of(settings) == Dialect.MYSQL) {
            properties.setProperty("characterEncoding", "UTF-8"); // Connector/J then speaks utf8mb4
            properties.setProperty("connectionTimeZone", "UTC");
            properties.setProperty("forceConnectionTimeZoneToSession", "true");
            properties.setProperty("connectTimeout", String.valueOf(timeoutMs));
            properties.setProperty("cachePrepStmts", "true");
            properties.setProperty("prepStmtCacheSize", "250");
            // the request-log writer's multi-row INSERT exceeds the default and was otherwise re-prepared for every
            // batch
            properties.setProperty("prepStmtCacheSqlLimit", "4096");
            properties.setProperty("useServerPrepStmts", "true");
            properties.setProperty("rewriteBatchedStatements", "true");
            // spares a SELECT @@tx_isolation round trip per transaction (Jdbi reads the level to restore it)
            properties.setProperty("useLocalSessionState", "true");
            properties.setProperty("tcpKeepAlive", "true");
            if (probe) {
                properties.setProperty("socketTimeout", String.valueOf(timeoutMs));
            }
        }
        return new DriverDataSource(settings.jdbcUrl(), null, properties, settings.username(), settings.password());
    }

    private static String withoutParameters(StatementException e) {
        var context = e.getStatementContext();
        String sql = context == null ? null : context.getRawSql();
        return sql == null ? e.getShortMessage() : e.getShortMessage() + " [statement: \"" + sql.strip() + "\"]";
    }

    private static long msUntil(long nanoTime) {
        return Duration.ofNanos(nanoTime - System.nanoTime()).toMillis();
    }

    static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("interrupted while waiting for the database");
        }
    }
}
