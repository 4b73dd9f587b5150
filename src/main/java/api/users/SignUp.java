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
    private final SignUpLimit limit;
    private final BusinessMetrics events;

    public SignUp(
            UserDao users, Passwords passwords, PasswordWorkers workers, SignUpLimit limit, BusinessMetrics events) {
        this.users = users;
        this.passwords = passwords;
        this.workers = workers;
        this.limit = limit;
        this.events = events;
    }

    /**
     * The new user, its password hashed on the sign-ups' share of the bcrypt threads. The future fails with a 429
     * {@link ApiError} past the address's hourly sign-ups, a 409 when the email is taken in any spelling that is
     * canonically the same (found before any hashing; the unique key decides between two sign-ups at once), or a 503
     * when the sign-ups' share of the bcrypt queue is full.
     */
    public CompletableFuture<User> create(String address, NewUser input) {
        // read before the place is taken, so that a failed read cannot leave a place taken
        boolean taken = users.idOf(input.canonicalEmail()).isPresent();
        SignUpLimit.Place place = limit.take(address);
        if (place.refused()) {
            return CompletableFuture.failedFuture(ApiError.tooManyRequests(
                    "Too many sign-ups from this address; try again later", place.retryAfterSeconds()));
        }
        if (taken) {
            return CompletableFuture.failedFuture(taken(input));
        }
        return workers.runSignUp(() -> passwords.hash(input.password()))
                .whenComplete((hash, error) -> {
                    if (error != null) {
                        limit.giveBack(place); // no room to hash: the sign-up was never tried
                    }
                })
                .thenApply(hash -> {
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
