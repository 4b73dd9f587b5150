package api.users;

import api.metrics.BusinessMetrics;
import api.web.ApiError;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The one way in for {@code POST /login} and the sign-in page alike, so neither gets around the other's failed-login
 * limit.
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
     * The user id when {@code password} is right. The future fails with 429 when a counter is full, 403 for an
     * unknown account or wrong password alike, or 503 when the bcrypt queue is full.
     */
    public CompletableFuture<Long> userId(String address, String account, String password) {
        // read before the reservation, so that a failed read cannot leave a place taken that nothing gives back
        Optional<Credentials> stored = users.credentials(account);
        LoginFailures.Reservation reservation = failures.reserve(address, account);
        if (reservation.refused()) {
            events.loginThrottled();
            return CompletableFuture.failedFuture(ApiError.tooManyRequests(
                    "Too many failed login attempts; try again later", reservation.retryAfterSeconds()));
        }
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
