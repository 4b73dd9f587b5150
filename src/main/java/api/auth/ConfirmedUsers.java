package api.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Remembers for a short while what the database said of a token's user (that it exists, whether it is disabled and
 * from when its tokens count), so an authenticated request does not pay a query (and a pool round trip) for it. The
 * price: a change made by another instance, or directly in the database, reaches this one within {@code ttl}; a
 * change made here is {@link #forget forgotten} at once. A zero ttl asks every time. Absent users are never
 * remembered, so a new account works at once.
 */
public final class ConfirmedUsers {
    /** Past this many ids the map starts over rather than grow without bound. */
    static final int MAX_ENTRIES = 100_000;

    private final LongFunction<Optional<AccountStatus>> lookup;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<Long, Confirmed> confirmed = new ConcurrentHashMap<>();

    private record Confirmed(AccountStatus status, long at) {}

    public ConfirmedUsers(LongFunction<Optional<AccountStatus>> lookup, Duration ttl, LongSupplier nanoClock) {
        this.lookup = lookup;
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The user's status; empty when no such user exists. */
    public Optional<AccountStatus> status(long userId) {
        if (ttlNanos == 0) {
            return lookup.apply(userId);
        }
        long now = nanoClock.getAsLong();
        Confirmed known = confirmed.get(userId);
        if (known != null && now - known.at() < ttlNanos) {
            return Optional.of(known.status());
        }
        Optional<AccountStatus> found = lookup.apply(userId);
        if (found.isPresent()) {
            if (confirmed.size() >= MAX_ENTRIES) {
                confirmed.clear();
            }
            confirmed.put(userId, new Confirmed(found.get(), now));
        } else {
            confirmed.remove(userId);
        }
        return found;
    }

    /** Drops what is remembered of the user, so this instance's next request asks the database. */
    public void forget(long userId) {
        confirmed.remove(userId);
    }
}
