package api.users;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per client address and per account in a sliding window. Both are needed:
 * per address stops one client guessing many accounts, per account stops many clients guessing one.
 * In memory, so each instance counts on its own; behind a balancer the effective limit is per instance.
 */
public final class LoginRateLimiter {
    /** Past this many tracked keys, expired ones are swept so the map cannot grow without bound. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public LoginRateLimiter(int maxFailures, Duration window) {
        this(maxFailures, window, Clock.systemUTC());
    }

    LoginRateLimiter(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long until the address or the account may try again; empty when it may try now. */
    public Optional<Duration> retryAfter(String address, String account) {
        long now = clock.millis();
        long wait = Math.max(waitMillis(addressKey(address), now), waitMillis(accountKey(account), now));
        return wait > 0 ? Optional.of(Duration.ofMillis(wait)) : Optional.empty();
    }

    public void recordFailure(String address, String account) {
        long now = clock.millis();
        if (failures.size() > SWEEP_THRESHOLD) {
            sweep(now);
        }
        record(addressKey(address), now);
        record(accountKey(account), now);
    }

    /**
     * A successful login forgets the account's failures, not the address's: otherwise an attacker could
     * reset their own counter by logging into an account of their own between guesses.
     */
    public void recordSuccess(String account) {
        failures.remove(accountKey(account));
    }

    private long waitMillis(String key, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            dropExpired(times, now);
            if (times.size() < maxFailures) {
                return 0;
            }
            // blocked until enough failures have left the window to fall below the limit
            long unblocking = times.stream().skip(times.size() - maxFailures).findFirst().orElse(now);
            return unblocking + window.toMillis() - now;
        }
    }

    private void record(String key, long now) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            dropExpired(times, now);
            times.addLast(now);
            while (times.size() > maxFailures) {
                times.removeFirst();
            }
        }
    }

    private void dropExpired(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - window.toMillis()) {
            times.removeFirst();
        }
    }

    private void sweep(long now) {
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                dropExpired(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
    }

    private static String addressKey(String address) {
        return "ip:" + address;
    }

    private static String accountKey(String account) {
        return "account:" + account.toLowerCase(java.util.Locale.ROOT);
    }
}
