package api.logs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

@RegisterConstructorMapper(StoredLog.class)
public interface RequestLogDao {
    /** The largest chunk {@link #store} sends as one statement. */
    int MAX_CHUNK = 256;

    /**
     * Stores a batch in chunks of 256, 128, ..., 1 rows, in one transaction. Connector/J turns each chunk into one
     * multi-row INSERT, a prepared statement per row count, and keeps every one it has seen on each connection
     * (up to 250, about 1 kB of heap per row): batches cut at any size grew that to hundreds of statements per
     * connection, until a 128 MB heap did nothing but collect. Powers of two bound it to nine.
     */
    @Transaction
    default void store(List<StoredLog> rows) {
        for (int from = 0; from < rows.size(); ) {
            int chunk = Integer.highestOneBit(Math.min(rows.size() - from, MAX_CHUNK));
            insert(rows.subList(from, from + chunk));
            from += chunk;
        }
    }

    /** One statement: Connector/J's rewriteBatchedStatements turns it into a single multi-row INSERT. */
    @SqlBatch("INSERT INTO log_table (log_id, log, datetime) VALUES (:logId, :log, :datetime)")
    void insert(@BindMethods List<StoredLog> rows);

    /** At most {@code limit} rows older than {@code cutoff}; MySQL, MariaDB and H2 all take DELETE ... LIMIT. */
    @SqlUpdate("DELETE FROM log_table WHERE datetime < :cutoff LIMIT :limit")
    int deleteOlderThan(Instant cutoff, int limit);

    @SqlQuery("""
        SELECT log_id, log, datetime FROM log_table
        ORDER BY datetime DESC, log_id DESC
        LIMIT :limit OFFSET :offset
        """)
    List<StoredLog> newest(int limit, int offset);

    @SqlQuery("SELECT log_id, log, datetime FROM log_table ORDER BY datetime, log_id LIMIT 1")
    Optional<StoredLog> oldest();
}
