package api.logs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(StoredLog.class)
public interface RequestLogDao {
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
