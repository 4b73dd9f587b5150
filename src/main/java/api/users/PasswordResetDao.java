package api.users;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** The live reset links, one per user at most, found by the SHA-256 of their token, never by the token itself. */
public interface PasswordResetDao {

    @SqlUpdate("DELETE FROM password_resets WHERE user_id = :userId")
    int forget(long userId);

    @SqlUpdate("INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES (:userId, :tokenHash, :expiresAt)")
    void insert(long userId, String tokenHash, Instant expiresAt);

    /** The user's new link; the one it had, if any, no longer works. */
    @Transaction
    default void replace(long userId, String tokenHash, Instant expiresAt) {
        forget(userId);
        insert(userId, tokenHash, expiresAt);
    }

    @SqlQuery("SELECT user_id FROM password_resets WHERE token_hash = :tokenHash AND expires_at > :now")
    Optional<Long> userOf(String tokenHash, Instant now);

    /** At most {@code limit} links that expired by {@code now}. */
    @SqlUpdate("DELETE FROM password_resets WHERE expires_at <= :now LIMIT :limit")
    int deleteExpired(Instant now, int limit);
}
