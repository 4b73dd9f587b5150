package api.db;

import api.config.DbSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool and the Jdbi built on it. Closing it closes the pool. */
public record Database(HikariDataSource dataSource, Jdbi jdbi, DbSettings settings) implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /**
     * Builds the pool and waits until the database answers, retrying with backoff,
     * so the app can start before (or while) its database does. Fails after {@code deadline}.
     */
    public static Database connect(DbSettings settings, int poolSize, Duration connectionTimeout, Duration deadline) {
        HikariDataSource pool = new HikariDataSource(poolConfig(settings, poolSize, connectionTimeout));
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        long backoffMs = 250;
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = pool.getConnection()) {
                if (attempt > 1) {
                    log.info("Database {} reachable after {} attempts", settings.safeUrl(), attempt);
                }
                return new Database(pool, Jdbi.create(pool).installPlugin(new SqlObjectPlugin()), settings);
            } catch (SQLException e) {
                long remainingMs = Duration.ofNanos(giveUpAt - System.nanoTime()).toMillis();
                if (remainingMs <= 0) {
                    pool.close();
                    throw new DatabaseUnavailableException("Could not connect to the database at " + settings.safeUrl()
                            + " within " + deadline.toSeconds() + " s (DB_CONNECT_DEADLINE_SECONDS): " + rootCause(e));
                }
                long sleepMs = Math.min(backoffMs, remainingMs);
                log.warn("Database {} not reachable (attempt {}): {}; retrying in {} ms",
                        settings.safeUrl(), attempt, rootCause(e), sleepMs);
                sleep(sleepMs);
                backoffMs = Math.min(backoffMs * 2, 5_000);
            }
        }
    }

    /**
     * True when a pooled connection runs {@code SELECT 1}. Bounded by the pool's connection timeout plus a
     * 2 s query timeout. A query (unlike {@code isValid}) makes the pool evict a dead connection when it fails.
     */
    public boolean isUp() {
        try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
            st.setQueryTimeout(2);
            st.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static HikariConfig poolConfig(DbSettings settings, int poolSize, Duration connectionTimeout) {
        var config = new HikariConfig();
        config.setPoolName("api-db");
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.username() != null) {
            config.setUsername(settings.username());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setValidationTimeout(Math.min(1_000, connectionTimeout.toMillis()));
        config.setInitializationFailTimeout(-1); // connect() does the waiting, with logging and a deadline
        if (!settings.isH2()) {
            config.addDataSourceProperty("characterEncoding", "UTF-8"); // Connector/J then speaks utf8mb4
            config.addDataSourceProperty("connectionTimeZone", "UTC");
            config.addDataSourceProperty("forceConnectionTimeZoneToSession", "true");
            config.addDataSourceProperty("connectTimeout", String.valueOf(connectionTimeout.toMillis()));
            config.addDataSourceProperty("cachePrepStmts", "true");
            config.addDataSourceProperty("prepStmtCacheSize", "250");
            config.addDataSourceProperty("prepStmtCacheSqlLimit", "2048");
            config.addDataSourceProperty("useServerPrepStmts", "true");
            config.addDataSourceProperty("rewriteBatchedStatements", "true");
            config.addDataSourceProperty("tcpKeepAlive", "true");
        }
        return config;
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
