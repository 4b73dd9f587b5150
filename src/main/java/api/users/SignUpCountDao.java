package api.users;

import java.time.Instant;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface SignUpCountDao {

    /** 1 when counted, 0 when full or not there yet; one row lock means no two sign-ups both take the last place. */
    @SqlUpdate("""
        UPDATE signup_counts SET signups = signups + 1
        WHERE counter_key = :key AND window_end = :windowEnd AND signups < :limit
        """)
    int increment(String key, Instant windowEnd, int limit);

    /** The key's first sign-up in the hour; a duplicate key means another sign-up started the counter first. */
    @SqlUpdate("INSERT INTO signup_counts (counter_key, window_end, signups) VALUES (:key, :windowEnd, 1)")
    void insertFirst(String key, Instant windowEnd);

    @SqlUpdate("""
        UPDATE signup_counts SET signups = signups - 1
        WHERE counter_key = :key AND window_end = :windowEnd AND signups > 0
        """)
    int decrement(String key, Instant windowEnd);

    /** At most {@code limit} counters whose hour ended by {@code now}. */
    @SqlUpdate("DELETE FROM signup_counts WHERE window_end <= :now LIMIT :limit")
    int deleteEnded(Instant now, int limit);
}
