package api.users;

import api.db.DbErrors;
import api.metrics.BusinessMetrics;
import api.web.ApiError;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Creates an account by {@code POST /users}'s rules, for that route and the sign-up page alike. */
public final class SignUp {
    private final UserDao users;
    private final Passwords passwords;
    private final PasswordWorkers workers;
    private final BusinessMetrics events;

    public SignUp(UserDao users, Passwords passwords, PasswordWorkers workers, BusinessMetrics events) {
        this.users = users;
        this.passwords = passwords;
        this.workers = workers;
        this.events = events;
    }

    /**
     * The new user, its password hashed on the bcrypt threads. The future fails with a 409 {@link ApiError} when the
     * email is taken in any spelling that is canonically the same (found before any hashing; the unique key decides
     * between two sign-ups at once), or a 503 when the bcrypt queue is full.
     */
    CompletableFuture<User> create(NewUser input) {
        if (users.idOf(input.canonicalEmail()).isPresent()) {
            return CompletableFuture.failedFuture(taken(input));
        }
        return workers.run(() -> passwords.hash(input.password())).thenApply(hash -> {
            long id;
            try {
                id = users.insert(input.canonicalEmail(), input.email(), hash);
            } catch (UnableToExecuteStatementException e) {
                if (!DbErrors.isDuplicateKey(e)) {
                    throw e;
                }
                throw taken(input);
            }
            events.userRegistered();
            return users.find(id).orElseThrow();
        });
    }

    private static ApiError taken(NewUser input) {
        return ApiError.conflict("User with email: " + input.email() + " already exists");
    }
}
