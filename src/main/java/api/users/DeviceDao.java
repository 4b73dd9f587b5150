package api.users;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface DeviceDao {

    @SqlUpdate("""
        INSERT INTO devices (id_hash, user_id, created_at, last_used_at)
        VALUES (:idHash, :userId, :now, :now)
        """)
    void insert(String idHash, long userId, Instant now);

    @SqlQuery("SELECT user_id FROM devices WHERE id_hash = :idHash AND last_used_at > :usedAfter")
    Optional<Long> owner(String idHash, Instant usedAfter);

    @SqlUpdate("UPDATE devices SET last_used_at = :now WHERE id_hash = :idHash")
    int touch(String idHash, Instant now);

    /** At most {@code limit} devices last used by {@code usedBy}. */
    @SqlUpdate("DELETE FROM devices WHERE last_used_at <= :usedBy LIMIT :limit")
    int deleteUnused(Instant usedBy, int limit);
}
