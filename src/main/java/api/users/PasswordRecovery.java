package api.users;

import api.db.FixedWindow;
import api.metrics.BusinessMetrics;
import api.web.ApiError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reset links: made for an operator to pass on, or mailed on a request. A request is answered before anything about
 * the account is looked up: the lookup, the link and the message happen on a thread of their own, so the answer and
 * its timing are the same for every email, and a slow mail server holds no request.
 */
public final class PasswordRecovery implements AutoCloseable {
    static final String NOT_SET_UP =
            "Password recovery by email is not set up on this server; ask its operator for a reset link";
    static final String THROTTLED = "Too many password recovery requests; try again later";
    /** Messages waiting for the mail thread; past it a request is still answered 202, and its message counted failed. */
    private static final int QUEUE = 100;

    private static final Logger log = LoggerFactory.getLogger(PasswordRecovery.class);

    private final UserDao users;
    private final ResetLinks links;
    private final LoginFailureDao counters;
    private final Optional<Mailer> mailer;
    private final int maxPerWindow;
    private final long windowSeconds;
    private final Clock clock;
    private final BusinessMetrics events;
    private final ThreadPoolExecutor background;

    public PasswordRecovery(
            UserDao users,
            ResetLinks links,
            LoginFailureDao counters,
            Optional<Mailer> mailer,
            int maxPerWindow,
            Duration window,
            Clock clock,
            BusinessMetrics events) {
        this.users = users;
        this.links = links;
        this.counters = counters;
        this.mailer = mailer;
        this.maxPerWindow = maxPerWindow;
        this.windowSeconds = window.toSeconds();
        this.clock = clock;
        this.events = events;
        // the thread starts with the first request, never before the server does
        this.background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), work -> {
            var thread = new Thread(work, "password-recovery");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Takes a request for {@code email} from {@code address}: 503 when no mail server is set up, 429 past the limits
     * (counted per address and per email, whether an account has it or not), else queues the message and returns.
     */
    public void request(String address, String email) {
        if (mailer.isEmpty()) {
            throw ApiError.unavailable(NOT_SET_UP, 0);
        }
        String account = Login.account(email);
        Instant now = clock.instant();
        Instant windowEnd = FixedWindow.endOf(now, windowSeconds);
        if (!take(LoginFailures.key("recovery-network", ClientNetwork.of(address)), null, windowEnd)
                || !take(
                        LoginFailures.key("recovery-account", account), LoginFailures.accountKey(account), windowEnd)) {
            throw ApiError.tooManyRequests(THROTTLED, FixedWindow.secondsLeft(now, windowEnd));
        }
        try {
            background.execute(() -> mailLink(account));
        } catch (RejectedExecutionException e) {
            events.mailFailed();
            log.warn("Password recovery message dropped: {} are already waiting for the mail server", QUEUE);
        }
    }

    private void mailLink(String account) {
        try {
            Optional<Credentials> user = users.credentials(account);
            if (user.isEmpty() || user.get().disabled()) {
                return; // nothing is sent, and the client was told the same as for an account
            }
            String to = users.find(user.get().id()).orElseThrow().email();
            String link = links.newLink(user.get().id()).orElseThrow();
            mailer.orElseThrow().send(to, "Reset your password", """
                    Someone, probably you, asked to reset the password of your account.

                    To choose a new password, open this link within %d minutes:

                    %s

                    The link works once. If you did not ask for it, ignore this message: your password stays as it is.
                    """.formatted(ResetLinks.LIFETIME.toMinutes(), link));
            events.mailSent();
        } catch (Exception e) {
            events.mailFailed();
            log.warn("Password recovery message not sent: {}", e.toString());
        }
    }

    private boolean take(String key, String accountKey, Instant windowEnd) {
        return FixedWindow.take(
                () -> counters.increment(key, windowEnd, maxPerWindow),
                () -> counters.insertFirst(key, windowEnd, accountKey));
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
