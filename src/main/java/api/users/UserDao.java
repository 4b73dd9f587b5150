package api.users;

import api.db.CanonicalEmail;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@code email} is the canonical form ({@link CanonicalEmail}), the account's key; {@code display_email} as typed. */
@RegisterConstructorMapper(User.class)
@RegisterConstructorMapper(Credentials.class)
public interface UserDao {

    @SqlUpdate("INSERT INTO users (email, display_email, password) VALUES (:canonicalEmail, :email, :passwordHash)")
    @GetGeneratedKeys("id")
    long insert(String canonicalEmail, String email, String passwordHash);

    @SqlQuery("SELECT id, COALESCE(display_email, email) AS email, created_at FROM users WHERE id = :id")
    Optional<User> find(long id);

    @SqlQuery("SELECT id, password FROM users WHERE email = :canonicalEmail")
    Optional<Credentials> credentials(String canonicalEmail);

    @SqlQuery("SELECT COUNT(*) FROM users WHERE id = :id")
    boolean exists(long id);

    @SqlQuery("SELECT id FROM users WHERE email = :canonicalEmail")
    Optional<Long> idOf(String canonicalEmail);

    /** The account with this email in any spelling that is canonically the same. */
    default Optional<Long> idByEmail(String email) {
        return idOf(CanonicalEmail.of(email));
    }
}
