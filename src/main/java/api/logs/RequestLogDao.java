package api.logs;

import api.db.InstantsAsText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

@RegisterConstructorMapper(StoredLog.class)
public interface RequestLogDao extends SqlObject {
    /** The largest chunk {@link #store} sends as one statement. */
    int MAX_CHUNK = 256;

    /**
     * Stores a batch in chunks of 256, 128, ..., 1 rows, in one transaction. Each chunk is one multi-row INSERT,
     * prepared on the server once per row count and kept in Connector/J's cache on each connection (up to 250
     * statements, about 1 kB of heap per row): batches cut at any size grew that to hundreds of statements per
     * connection, until a 128 MB heap did nothing but collect. Powers of two bound it to nine.
     */
    @Transaction
    default void store(List<StoredLog> rows) {
        Connection connection = getHandle().getConnection();
        for (int from = 0; from < rows.size(); ) {
            int chunk = Integer.highestOneBit(Math.min(rows.size() - from, MAX_CHUNK));
            insert(connection, rows.subList(from, from + chunk));
            from += chunk;
        }
    }

    /**
     * One multi-row INSERT, bound on plain JDBC. This is the writer's work for every request; Jdbi's @SqlBatch,
     * which binds three record methods by name per row and has Connector/J rewrite the batch, cost 9 us more of
     * the app's CPU per row (RequestLogCapacity: 23.7-25.5 us a row, 14.4-16.5 us on this form).
     */
    private static void insert(Connection connection, List<StoredLog> rows) {
        String sql = "INSERT INTO log_table (log_id, log, datetime) VALUES "
                + "(?, ?, ?), ".repeat(rows.size() - 1) + "(?, ?, ?)";
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

    /**
     * At most {@code limit} rows older than {@code cutoff}, found by their time-ordered key (there is no index on
     * {@code datetime}); the datetime test keeps any row whose key does not carry its time.
     */
    default int deleteOlderThan(Instant cutoff, int limit) {
        return deleteBefore(LogIds.first(cutoff), cutoff, limit);
    }

    /** MySQL, MariaDB and H2 all take DELETE ... LIMIT. */
    @SqlUpdate(DELETE_BEFORE)
    int deleteBefore(String firstKept, Instant cutoff, int limit);

    String DELETE_BEFORE = "DELETE FROM log_table WHERE log_id < :firstKept AND datetime < :cutoff LIMIT :limit";

    /** Newest first, by the time-ordered key. */
    @SqlQuery(NEWEST)
    List<StoredLog> newest(int limit, int offset);

    String NEWEST = "SELECT log_id, log, datetime FROM log_table ORDER BY log_id DESC LIMIT :limit OFFSET :offset";

    @SqlQuery("SELECT log_id, log, datetime FROM log_table ORDER BY log_id LIMIT 1")
    Optional<StoredLog> oldest();
}
