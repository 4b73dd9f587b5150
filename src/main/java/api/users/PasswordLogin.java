package api.users;

import api.metrics.BusinessMetrics;
import api.web.ApiError;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Checks an account's password on the bcrypt threads under the failed-login limits: the one way in for
 * {@code POST /login} and the sign-in page alike, so neither can be used to get around the other's limit.
 */
public final class PasswordLogin {
    static final String INVALID_CREDENTIALS = "Invalid Credentials";

    private final UserDao users;
    private final Passwords passwords;
    private final PasswordWorkers workers;
    private final LoginFailures failures;
    private final BusinessMetrics events;

    public PasswordLogin(
            UserDao users,
            Passwords passwords,
            PasswordWorkers workers,
            LoginFailures failures,
            BusinessMetrics events) {
        this.users = users;
        this.passwords = passwords;
        this.workers = workers;
        this.failures = failures;
        this.events = events;
    }

    /**
     * The user id when {@code password} is the account's. A failure is reserved before the hash and given back
     * when the password is right or was never checked. Throws a 429 {@link ApiError} with Retry-After at once when
     * one of the login's counters is full; the future fails with a 403 {@code Invalid Credentials} for an unknown
     * account or a wrong password alike, or a 503 when the bcrypt queue is full.
     */
    public CompletableFuture<Long> userId(String address, String account, String password) {
        LoginFailures.Reservation reservation = failures.reserve(address, account);
        if (reservation.refused()) {
            events.loginThrottled();
            throw ApiError.tooManyRequests(
                    "Too many failed login attempts; try again later", reservation.retryAfterSeconds());
        }
        Optional<Credentials> stored = users.credentials(account);
        return workers.run(() -> stored.isPresent()
                        ? passwords.matches(password, stored.get().password())
                        : passwords.matchAgainstDummy(password))
                // on the bcrypt thread: one short statement, so the answer never comes before the place is free
                .whenComplete((valid, error) -> {
                    if (error != null || valid) {
                        failures.giveBack(reservation);
                    }
                })
                .thenApply(valid -> {
                    if (!valid) {
                        events.loginFailed();
                        throw ApiError.forbidden(INVALID_CREDENTIALS);
                    }
                    events.loginSucceeded();
                    return stored.get().id();
                });
    }
}
