package api.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads database failures that callers answer differently from a plain error. */
public final class DbErrors {
    private DbErrors() {}

    /** MySQL and MariaDB report a duplicate key as error 1062; H2 as SQLState 23505. */
    public static boolean isDuplicateKey(Throwable e) {
        return firstSqlException(e)
                .map(sql -> sql.getErrorCode() == 1062 || "23505".equals(sql.getSQLState()))
                .orElse(false);
    }

    /** A foreign key refused the row: MySQL and MariaDB error 1452, H2 SQLState 23506. */
    public static boolean isForeignKeyViolation(Throwable e) {
        return firstSqlException(e)
                .map(sql -> sql.getErrorCode() == 1452 || "23506".equals(sql.getSQLState()))
                .orElse(false);
    }

    /** A connection could not be had or was lost: SQLState class 08, or the pool timed out waiting for one. */
    public static boolean isUnavailable(Throwable e) {
        return causes(e)
                .anyMatch(t -> t instanceof SQLTransientConnectionException
                        || t instanceof SQLException sql
                                && sql.getSQLState() != null
                                && sql.getSQLState().startsWith("08"));
    }

    /** H2 error 90020: another process has the database file open and locked. */
    public static boolean isFileInUse(Throwable e) {
        return firstSqlException(e).map(sql -> sql.getErrorCode() == 90020).orElse(false);
    }

    /** H2 error 90048: the file was written in a format this H2 does not read (an older or newer H2 wrote it). */
    public static boolean isUnreadableFile(Throwable e) {
        return firstSqlException(e).map(sql -> sql.getErrorCode() == 90048).orElse(false);
    }

    private static Optional<SQLException> firstSqlException(Throwable e) {
        return causes(e)
                .filter(SQLException.class::isInstance)
                .map(SQLException.class::cast)
                .findFirst();
    }

    /** {@code e} and its causes, outermost first. */
    private static Stream<Throwable> causes(Throwable e) {
        return Stream.iterate(e, Objects::nonNull, Throwable::getCause);
    }
}
