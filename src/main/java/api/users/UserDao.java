package api.users;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(User.class)
@RegisterConstructorMapper(Credentials.class)
public interface UserDao {

    @SqlUpdate("INSERT INTO users (email, password) VALUES (:email, :passwordHash)")
    @GetGeneratedKeys("id")
    long insert(String email, String passwordHash);

    @SqlQuery("SELECT id, email, created_at FROM users WHERE id = :id")
    Optional<User> find(long id);

    @SqlQuery("SELECT id, password FROM users WHERE email = :email")
    Optional<Credentials> credentials(String email);

    @SqlQuery("SELECT COUNT(*) FROM users WHERE id = :id")
    boolean exists(long id);

    @SqlQuery("SELECT id FROM users WHERE email = :email")
    Optional<Long> idOf(String email);

    /** The account with this email, found as login finds it: the domain's case does not matter. */
    default Optional<Long> idByEmail(String email) {
        return idOf(email.contains("@") ? NewUser.normalise(email) : email);
    }
}
