package api.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What the pool opens its connections through. While the database is unreachable, an open keeps trying every
 * {@link #RETRY_MS} instead of failing: after a failed open HikariCP sleeps, doubling up to 5 s, so a database
 * that came back would wait up to that long to be noticed. Any other failure (a wrong password, an unknown
 * database) is thrown at once. Callers never wait on this directly: the pool's connection timeout bounds them.
 */
final class PatientDataSource implements DataSource {
    static final long RETRY_MS = 100;

    private final DataSource driver;
    private volatile boolean closed;

    PatientDataSource(DataSource driver) {
        this.driver = driver;
    }

    @Override
    public Connection getConnection() throws SQLException {
        while (true) {
            try {
                return driver.getConnection();
            } catch (SQLException e) {
                if (closed || !DbErrors.isUnavailable(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(RETRY_MS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Ends the waiting: the pool is closing and must not be held up by an open that cannot succeed. */
    void close() {
        closed = true;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials are part of the driver's properties");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return driver.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || driver.isWrapperFor(type);
    }
}
