package api.users;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface LoginFailureDao {

    /** 1 when counted, 0 when full or not there yet; one row lock means no two requests both take the last place. */
    @SqlUpdate("""
        UPDATE login_failures SET failures = failures + 1
        WHERE counter_key = :key AND window_end = :windowEnd AND failures < :limit
        """)
    int increment(String key, Instant windowEnd, int limit);

    /** The key's first failure in the window; a duplicate key means another request started the counter first. */
    @SqlUpdate("""
        INSERT INTO login_failures (counter_key, window_end, failures, account_key)
        VALUES (:key, :windowEnd, 1, :accountKey)
        """)
    void insertFirst(String key, Instant windowEnd, String accountKey);

    /** One failure fewer on each of the keys' counters in the window; returns how many counters changed. */
    @SqlUpdate("""
        UPDATE login_failures SET failures = failures - 1
        WHERE counter_key IN (<keys>) AND window_end = :windowEnd AND failures > 0
        """)
    int decrement(@BindList List<String> keys, Instant windowEnd);

    /** Every counter of the account, in every window; returns how many. */
    @SqlUpdate("DELETE FROM login_failures WHERE account_key = :accountKey")
    int deleteAccount(String accountKey);

    /** At most {@code limit} counters whose window ended by {@code now}; MySQL, MariaDB and H2 all take the LIMIT. */
    @SqlUpdate("DELETE FROM login_failures WHERE window_end <= :now LIMIT :limit")
    int deleteEnded(Instant now, int limit);
}
