package api.db.migrations;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The part of a migration SQL cannot do. {@link #before} runs ahead of the migration's SQL and may refuse while nothing
 * has changed yet (MySQL commits each DDL statement, so a refusal after it would leave half a migration behind);
 * {@link #after} runs once the SQL has made its columns.
 */
interface JavaStep {
    void before(Connection connection) throws SQLException;

    void after(Connection connection) throws SQLException;
}
