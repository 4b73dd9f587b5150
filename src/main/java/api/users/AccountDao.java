package api.users;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/**
 * What changes an account as a whole: its password, its standing, its end. Each change that ends the account's
 * tokens also ends its page sessions and its reset link, in the same transaction.
 */
@RegisterConstructorMapper(AccountRow.class)
public interface AccountDao {

    @SqlUpdate("UPDATE users SET password = :passwordHash, tokens_valid_after = :now WHERE id = :userId")
    int setPassword(long userId, String passwordHash, Instant now);

    @SqlUpdate("DELETE FROM sessions WHERE user_id = :userId")
    int endSessions(long userId);

    @SqlUpdate("DELETE FROM password_resets WHERE user_id = :userId")
    int forgetResetLink(long userId);

    /** A new password; every token issued before {@code now} and every session end. */
    @Transaction
    default void changePassword(long userId, String passwordHash, Instant now) {
        setPassword(userId, passwordHash, now);
        endSessions(userId);
        forgetResetLink(userId);
    }

    /** 1 when the link was live and is now used; 0 when it was used, replaced or expired meanwhile. */
    @SqlUpdate("""
        DELETE FROM password_resets WHERE token_hash = :tokenHash AND user_id = :userId AND expires_at > :now
        """)
    int takeResetLink(String tokenHash, long userId, Instant now);

    /**
     * Sets the password through a live reset link, which it uses up; false when the link was no longer live.
     * {@code linkNow} is on the links' clock, {@code tokensNow} on the tokens'.
     */
    @Transaction
    default boolean resetPassword(
            String tokenHash, long userId, String passwordHash, Instant linkNow, Instant tokensNow) {
        if (takeResetLink(tokenHash, userId, linkNow) != 1) {
            return false;
        }
        changePassword(userId, passwordHash, tokensNow);
        return true;
    }

    @SqlUpdate("UPDATE users SET disabled_at = :now, tokens_valid_after = :now WHERE id = :userId")
    int markDisabled(long userId, Instant now);

    @Transaction
    default void disable(long userId, Instant now) {
        markDisabled(userId, now);
        endSessions(userId);
        forgetResetLink(userId);
    }

    @SqlUpdate("UPDATE users SET disabled_at = NULL WHERE id = :userId")
    int enable(long userId);

    @SqlUpdate("""
        DELETE FROM votes
        WHERE user_id = :userId OR post_id IN (SELECT id FROM posts WHERE owner_id = :userId)
        """)
    int deleteVotes(long userId);

    @SqlUpdate("DELETE FROM posts WHERE owner_id = :userId")
    int deletePosts(long userId);

    @SqlUpdate("DELETE FROM tasks WHERE owner_id = :userId")
    int deleteTasks(long userId);

    @SqlUpdate("DELETE FROM devices WHERE user_id = :userId")
    int deleteDevices(long userId);

    @SqlUpdate("DELETE FROM login_failures WHERE account_key = :accountKey")
    int deleteCounters(String accountKey);

    @SqlUpdate("DELETE FROM users WHERE id = :userId")
    int deleteUser(long userId);

    /**
     * The account and every row of it, named one by one rather than left to the foreign keys' cascades, so that a
     * later table without one cannot keep a deleted user's data.
     */
    @Transaction
    default void delete(long userId, String accountKey) {
        deleteVotes(userId);
        deletePosts(userId);
        deleteTasks(userId);
        endSessions(userId);
        deleteDevices(userId);
        forgetResetLink(userId);
        deleteCounters(accountKey);
        deleteUser(userId);
    }

    @SqlQuery("""
        SELECT id, COALESCE(display_email, email) AS email, created_at, disabled_at, last_login_at
        FROM users ORDER BY id
        """)
    List<AccountRow> list();
}
