package api.logs;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version 7 UUIDs, so the key sorts by time and no {@code datetime} index is needed. A per-writer counter keeps ids in
 * creation order so InnoDB appends instead of splitting pages.
 */
final class LogIds {
    private static final int MAX_COUNTER = 0x0FFF;
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT = 0x8000000000000000L;

    private long lastMillis;
    private int counter;

    synchronized String next(Instant at) {
        long millis = at.toEpochMilli();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = 0;
        } else if (++counter > MAX_COUNTER) {
            // more than 4,096 ids in this millisecond, or started before the last one: borrow the next millisecond
            lastMillis++;
            counter = 0;
        }
        long random = ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL;
        return new UUID(lastMillis << 16 | VERSION_7 | counter, VARIANT | random).toString();
    }

    /** The smallest id of {@code at}'s millisecond: ids of earlier milliseconds sort before it, the rest after. */
    static String first(Instant at) {
        return new UUID(at.toEpochMilli() << 16 | VERSION_7, VARIANT).toString();
    }
}
