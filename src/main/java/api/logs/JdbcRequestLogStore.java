package api.logs;

import api.db.InstantsAsText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** The app's one use of plain JDBC, inside a Jdbi transaction: this batched insert runs for every request. */
public final class JdbcRequestLogStore implements RequestLogStore {
    static final int MAX_CHUNK = 256;

    private final Jdbi jdbi;

    public JdbcRequestLogStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One transaction; chunk sizes are powers of two so each connection's statement cache holds few INSERT shapes
     * (arbitrary sizes filled a small heap).
     */
    @Override
    public void store(List<StoredLog> rows) {
        jdbi.useTransaction(handle -> {
            Connection connection = handle.getConnection();
            for (int from = 0; from < rows.size(); ) {
                int chunk = Integer.highestOneBit(Math.min(rows.size() - from, MAX_CHUNK));
                insert(connection, rows.subList(from, from + chunk));
                from += chunk;
            }
        });
    }

    /** Hand-built multi-row INSERT: Jdbi's @SqlBatch with Connector/J's rewrite cost more CPU per row. */
    private static void insert(Connection connection, List<StoredLog> rows) {
        String sql = "INSERT INTO log_table (log_id, log, datetime) VALUES " + "(?, ?, ?), ".repeat(rows.size() - 1)
                + "(?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int p = 1;
            for (StoredLog row : rows) {
                insert.setString(p++, row.logId());
                insert.setString(p++, row.log());
                insert.setString(p++, InstantsAsText.text(row.datetime()));
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }
}
