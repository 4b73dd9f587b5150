package api.users;

import api.auth.AccountDisabled;
import api.metrics.BusinessMetrics;
import api.web.ApiError;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The one way in for {@code POST /login} and the sign-in page alike, so neither gets around the other's failed-login
 * limit.
 */
public final class PasswordLogin {
    static final String INVALID_CREDENTIALS = "Invalid Credentials";
    static final String THROTTLED =
            "Too many failed login attempts; try again later, or from a client that has logged in to this account before";
    public static final String DEVICE_THROTTLED = "Too many failed login attempts from this device; try again later";

    private final UserDao users;
    private final Passwords passwords;
    private final PasswordWorkers workers;
    private final LoginFailures failures;
    private final Devices devices;
    private final BusinessMetrics events;
    private final Clock clock;
    private final ChecksInProgress checks = new ChecksInProgress();

    public PasswordLogin(
            UserDao users,
            Passwords passwords,
            PasswordWorkers workers,
            LoginFailures failures,
            Devices devices,
            BusinessMetrics events,
            Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.workers = workers;
        this.failures = failures;
        this.devices = devices;
        this.events = events;
        this.clock = clock;
    }

    /** A right password's user, and the {@code device} cookie that names this client for that user from now on. */
    public record LoggedIn(long userId, String device) {}

    /**
     * The user when {@code password} is right. The future fails with 429 when a counter is full, 403 for an unknown
     * account or wrong password alike, or 503 when the bcrypt queue is full. {@code device} is the client's cookie.
     */
    public CompletableFuture<LoggedIn> logIn(String address, String account, String password, String device) {
        // read before the reservation, so that a failed read cannot leave a place taken that nothing gives back
        Optional<Credentials> stored = users.credentials(account);
        Optional<Devices.Known> known = stored.flatMap(user -> devices.known(device, user.id()));
        return attempt(stored, known, counters(address, account, known), password)
                .thenApply(userId -> {
                    events.loginSucceeded();
                    users.recordLogin(userId, clock.instant().truncatedTo(ChronoUnit.MICROS));
                    return new LoggedIn(userId, devices.remember(known, userId));
                });
    }

    /**
     * Completes when {@code password} is the account's, as a login would, under the same limits, so that a route
     * asking for the password again is no way around them; unlike a login, it remembers no device.
     */
    public CompletableFuture<Void> confirm(String address, String account, String password, String device) {
        Optional<Credentials> stored = users.credentials(account);
        Optional<Devices.Known> known = stored.flatMap(user -> devices.known(device, user.id()));
        return attempt(stored, known, counters(address, account, known), password)
                .thenApply(userId -> null);
    }

    private List<LoginFailures.Counter> counters(String address, String account, Optional<Devices.Known> known) {
        return known.isPresent()
                ? failures.forDevice(known.get().idHash(), account)
                : failures.forAddress(address, account);
    }

    private CompletableFuture<Long> attempt(
            Optional<Credentials> stored,
            Optional<Devices.Known> known,
            List<LoginFailures.Counter> counters,
            String password) {
        ChecksInProgress.Check check =
                checks.start(counters.stream().map(LoginFailures.Counter::key).toList());
        LoginFailures.Reservation reservation;
        try {
            reservation = failures.reserve(counters);
        } catch (RuntimeException e) {
            checks.end(check, false);
            throw e;
        }
        if (reservation.refused()) {
            var throttled = ApiError.tooManyRequests(
                    known.isPresent() ? DEVICE_THROTTLED : THROTTLED, reservation.retryAfterSeconds());
            // the places left may be held by checks still running: a right password among them gives its place back
            return checks.refused(check, reservation.full()).thenCompose(placeFreed -> {
                if (placeFreed) {
                    return attempt(stored, known, counters, password);
                }
                events.loginThrottled();
                return CompletableFuture.failedFuture(throttled);
            });
        }
        return workers.run(() -> stored.isPresent()
                        ? passwords.matches(password, stored.get().password())
                        : passwords.matchAgainstDummy(password))
                // on the bcrypt thread: one short statement, so the answer never comes before the place is free
                .whenComplete((valid, error) -> {
                    boolean giveBack = error != null || valid;
                    try {
                        if (giveBack) {
                            failures.giveBack(reservation);
                        }
                    } finally {
                        checks.end(check, giveBack);
                    }
                })
                .thenApply(valid -> {
                    if (!valid) {
                        events.loginFailed();
                        throw ApiError.forbidden(INVALID_CREDENTIALS);
                    }
                    if (stored.get().disabled()) {
                        throw ApiError.forbidden(AccountDisabled.DETAIL);
                    }
                    return stored.get().id();
                });
    }
}
