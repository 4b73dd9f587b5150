package api.users;

import api.db.FixedWindow;
import api.db.HourlyCleanup;
import api.db.Sha256;
import java.time.Clock;
import java.time.Instant;

/**
 * Sign-ups per client network (IPv6: its /64) and clock hour, counted in the database so every instance shares them.
 * Every attempt counts, taken email or not, so the limit also bounds probing for registered emails.
 */
public final class SignUpLimit {
    private static final long HOUR_SECONDS = 3600;
    private static final int DELETE_CHUNK = 5_000;

    private final SignUpCountDao dao;
    private final int maxPerHour;
    private final Clock clock;

    public SignUpLimit(SignUpCountDao dao, int maxPerHour, Clock clock) {
        this.dao = dao;
        this.maxPerHour = maxPerHour;
        this.clock = clock;
    }

    /** A place in this hour's count; {@code retryAfterSeconds} is set when there was none. */
    public record Place(String key, Instant windowEnd, long retryAfterSeconds) {
        public boolean refused() {
            return retryAfterSeconds > 0;
        }
    }

    public Place take(String address) {
        Instant now = clock.instant();
        Instant windowEnd = FixedWindow.endOf(now, HOUR_SECONDS);
        String key = Sha256.hex("signup-network:" + ClientNetwork.of(address));
        if (FixedWindow.take(() -> dao.increment(key, windowEnd, maxPerHour), () -> dao.insertFirst(key, windowEnd))) {
            return new Place(key, windowEnd, 0);
        }
        return new Place(key, windowEnd, FixedWindow.secondsLeft(now, windowEnd));
    }

    /** Forgets a place whose sign-up was never tried (the bcrypt queue was full). */
    public void giveBack(Place place) {
        if (!place.refused()) {
            dao.decrement(place.key(), place.windowEnd());
        }
    }

    public long deleteEnded() {
        Instant now = clock.instant();
        return HourlyCleanup.inChunks(DELETE_CHUNK, chunk -> dao.deleteEnded(now, chunk));
    }
}
