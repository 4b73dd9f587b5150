package api.users;

import api.metrics.BusinessMetrics;
import api.web.ApiError;
import java.util.List;
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
    private final ChecksInProgress checks = new ChecksInProgress();

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
        return attempt(stored, failures.forAddress(address, account), password);
    }

    private CompletableFuture<Long> attempt(
            Optional<Credentials> stored, List<LoginFailures.Counter> counters, String password) {
        ChecksInProgress.Taken taken = checks.take(() -> failures.reserve(counters));
        if (taken instanceof ChecksInProgress.Wait wait) {
            // the places left are held by checks still running: a right password among them gives its place back
            return wait.anySettled().thenCompose(settled -> attempt(stored, counters, password));
        }
        if (taken instanceof ChecksInProgress.Refused refused) {
            events.loginThrottled();
            return CompletableFuture.failedFuture(ApiError.tooManyRequests(
                    "Too many failed login attempts; try again later",
                    refused.reservation().retryAfterSeconds()));
        }
        ChecksInProgress.Place place = (ChecksInProgress.Place) taken;
        return workers.run(() -> stored.isPresent()
                        ? passwords.matches(password, stored.get().password())
                        : passwords.matchAgainstDummy(password))
                // on the bcrypt thread: one short statement, so the answer never comes before the place is free
                .whenComplete((valid, error) -> {
                    try {
                        if (error != null || valid) {
                            failures.giveBack(place.reservation());
                        }
                    } finally {
                        checks.settle(place);
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
