package api.auth;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The sessions table; a session is found by the SHA-256 of its cookie value, never by the value itself. */
@RegisterConstructorMapper(Session.class)
public interface SessionDao {

    @SqlUpdate("""
        INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at)
        VALUES (:idHash, :userId, :csrf, :now, :expiresAt)
        """)
    void insert(String idHash, long userId, String csrf, Instant now, Instant expiresAt);

    /** A session from before the account's tokens ended, or of a disabled account, is no session. */
    @SqlQuery("""
        SELECT s.user_id, COALESCE(u.display_email, u.email) AS email, s.csrf_token AS csrf, s.expires_at
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id_hash = :idHash AND s.expires_at > :now
          AND u.disabled_at IS NULL AND (u.tokens_valid_after IS NULL OR s.created_at >= u.tokens_valid_after)
        """)
    Optional<Session> find(String idHash, Instant now);

    @SqlUpdate("DELETE FROM sessions WHERE id_hash = :idHash")
    int delete(String idHash);

    /** MySQL, MariaDB and H2 all take DELETE ... LIMIT. */
    @SqlUpdate("DELETE FROM sessions WHERE expires_at <= :now LIMIT :limit")
    int deleteExpired(Instant now, int limit);
}
