package api.users;

import api.metrics.BusinessMetrics;
import api.web.ApiError;
import java.time.Duration;
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
    private final LoginRateLimiter limiter;
    private final BusinessMetrics events;

    public PasswordLogin(UserDao users, Passwords passwords, PasswordWorkers workers, LoginRateLimiter limiter,
                         BusinessMetrics events) {
        this.users = users;
        this.passwords = passwords;
        this.workers = workers;
        this.limiter = limiter;
        this.events = events;
    }

    /**
     * The user id when {@code password} is the account's. Throws a 429 {@link ApiError} at once when the address or
     * account is over its limit; the future fails with a 403 {@code Invalid Credentials} for an unknown account or
     * a wrong password alike, or a 503 when the bcrypt queue is full.
     */
    public CompletableFuture<Long> userId(String address, String account, String password) {
        limiter.retryAfter(address, account).ifPresent(wait -> {
            events.loginThrottled();
            throw ApiError.tooManyRequests("Too many failed login attempts; try again later", seconds(wait));
        });
        Optional<Credentials> stored = users.credentials(account);
        return workers.run(() -> stored.isPresent()
                        ? passwords.matches(password, stored.get().password())
                        : passwords.matchAgainstDummy(password))
                .thenApply(valid -> {
                    if (!valid) {
                        limiter.recordFailure(address, account);
                        events.loginFailed();
                        throw ApiError.forbidden(INVALID_CREDENTIALS);
                    }
                    limiter.recordSuccess(account);
                    events.loginSucceeded();
                    return stored.get().id();
                });
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
