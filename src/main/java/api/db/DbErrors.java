package api.db;

import java.sql.SQLException;

/** Reads database failures that callers answer differently from a plain error. */
public final class DbErrors {
    private DbErrors() {}

    /** MySQL and MariaDB report a duplicate key as error 1062; H2 as SQLState 23505. */
    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getErrorCode() == 1062 || "23505".equals(sql.getSQLState());
            }
        }
        return false;
    }

    /** A foreign key refused the row: MySQL and MariaDB error 1452, H2 SQLState 23506. */
    public static boolean isForeignKeyViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getErrorCode() == 1452 || "23506".equals(sql.getSQLState());
            }
        }
        return false;
    }

    /** A connection could not be had or was lost: SQLState class 08, or the pool timed out waiting for one. */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
