package api.logs;

import api.db.InstantsAsText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Stores request-log batches in {@code log_table}, on plain JDBC inside a Jdbi transaction. This is the writer's
 * work for every request, so it stays off Jdbi's SqlObject machinery: an on-demand DAO method with
 * {@code @Transaction} built its extension and method handles anew on every call.
 */
public final class JdbcRequestLogStore implements RequestLogStore {
    /** The largest chunk {@link #store} sends as one statement. */
    static final int MAX_CHUNK = 256;

    private final Jdbi jdbi;

    public JdbcRequestLogStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Stores a batch in chunks of 256, 128, ..., 1 rows, in one transaction. Each chunk is one multi-row INSERT,
     * prepared on the server once per row count and kept in Connector/J's statement cache on each connection:
     * batches cut at any size filled that cache with a large statement per size, until a small heap did nothing but
     * collect. Powers of two bound it to nine.
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

    /**
     * One multi-row INSERT: Jdbi's @SqlBatch binds three record methods by name per row and has Connector/J rewrite
     * the batch, which cost more of the app's CPU per row.
     */
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
