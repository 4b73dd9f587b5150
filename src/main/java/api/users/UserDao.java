package api.users;

import api.auth.AccountStatus;
import api.db.CanonicalEmail;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@code email} is the canonical form ({@link CanonicalEmail}), the account's key; {@code display_email} as typed. */
@RegisterConstructorMapper(User.class)
@RegisterConstructorMapper(Credentials.class)
@RegisterConstructorMapper(AccountStatus.class)
public interface UserDao {

    @SqlUpdate("INSERT INTO users (email, display_email, password) VALUES (:canonicalEmail, :email, :passwordHash)")
    @GetGeneratedKeys("id")
    long insert(String canonicalEmail, String email, String passwordHash);

    @SqlQuery("SELECT id, COALESCE(display_email, email) AS email, created_at FROM users WHERE id = :id")
    Optional<User> find(long id);

    @SqlQuery("SELECT id, password, disabled_at IS NOT NULL AS disabled FROM users WHERE email = :canonicalEmail")
    Optional<Credentials> credentials(String canonicalEmail);

    /** The account's key, the canonical email, which its failed-login counters are kept under. */
    @SqlQuery("SELECT email FROM users WHERE id = :id")
    Optional<String> accountOf(long id);

    /** What every token check needs, read through {@code auth.ConfirmedUsers}. */
    @SqlQuery("SELECT disabled_at IS NOT NULL AS disabled, tokens_valid_after FROM users WHERE id = :id")
    Optional<AccountStatus> status(long id);

    @SqlUpdate("UPDATE users SET last_login_at = :at WHERE id = :id")
    int recordLogin(long id, Instant at);

    @SqlQuery("SELECT COUNT(*) FROM users WHERE id = :id")
    boolean exists(long id);

    @SqlQuery("SELECT id FROM users WHERE email = :canonicalEmail")
    Optional<Long> idOf(String canonicalEmail);

    /** The account with this email in any spelling that is canonically the same. */
    default Optional<Long> idByEmail(String email) {
        return idOf(CanonicalEmail.of(email));
    }
}
