package api.auth;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;

/**
 * Remembers for a short while which user ids the database confirmed, so an authenticated request does not pay
 * a query (and a pool round trip) just to learn that its user still exists. The price: a user deleted directly
 * in the database keeps a working token on each instance for at most {@code ttl}. A zero ttl asks every time.
 * Refusals are never remembered, so a new account works at once.
 */
public final class ConfirmedUsers implements LongPredicate {
    /** Past this many ids the map starts over rather than grow without bound. */
    static final int MAX_ENTRIES = 100_000;

    private final LongPredicate exists;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<Long, Long> confirmedAt = new ConcurrentHashMap<>();

    public ConfirmedUsers(LongPredicate exists, Duration ttl, LongSupplier nanoClock) {
        this.exists = exists;
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public boolean test(long userId) {
        if (ttlNanos == 0) {
            return exists.test(userId);
        }
        long now = nanoClock.getAsLong();
        Long at = confirmedAt.get(userId);
        if (at != null && now - at < ttlNanos) {
            return true;
        }
        boolean found = exists.test(userId);
        if (found) {
            if (confirmedAt.size() >= MAX_ENTRIES) {
                confirmedAt.clear();
            }
            confirmedAt.put(userId, now);
        } else {
            confirmedAt.remove(userId);
        }
        return found;
    }
}
