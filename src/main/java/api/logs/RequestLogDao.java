package api.logs;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(StoredLog.class)
public interface RequestLogDao {

    /** One batch; Connector/J's rewriteBatchedStatements turns it into a single multi-row INSERT. */
    @SqlBatch("INSERT INTO log_table (log_id, log, datetime) VALUES (:logId, :log, :datetime)")
    void insert(@BindMethods List<StoredLog> rows);

    @SqlQuery("""
        SELECT log_id, log, datetime FROM log_table
        ORDER BY datetime DESC, log_id DESC
        LIMIT :limit OFFSET :offset
        """)
    List<StoredLog> newest(int limit, int offset);

    @SqlQuery("SELECT log_id, log, datetime FROM log_table ORDER BY datetime, log_id LIMIT 1")
    Optional<StoredLog> oldest();
}
