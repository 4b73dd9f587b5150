package api.users;

import api.db.DbErrors;
import api.db.HourlyCleanup;
import api.db.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

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
        Instant windowEnd = Instant.ofEpochSecond((now.getEpochSecond() / HOUR_SECONDS + 1) * HOUR_SECONDS);
        String key = Sha256.hex("signup-network:" + ClientNetwork.of(address));
        if (counted(key, windowEnd)) {
            return new Place(key, windowEnd, 0);
        }
        long millis = Duration.between(now, windowEnd).toMillis();
        return new Place(key, windowEnd, Math.max(1, (millis + 999) / 1000));
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

    /** The hour's first sign-up is an insert, which another request may win: then the row is there. */
    private boolean counted(String key, Instant windowEnd) {
        if (dao.increment(key, windowEnd, maxPerHour) == 1) {
            return true;
        }
        try {
            dao.insertFirst(key, windowEnd);
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (!DbErrors.isDuplicateKey(e)) {
                throw e;
            }
        }
        return dao.increment(key, windowEnd, maxPerHour) == 1;
    }
}
