package api.logs;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Primary keys for {@code log_table}: version 7 UUIDs whose text sorts in the order they were made, within a
 * millisecond too (RFC 9562's 12-bit counter in place of the first random bits). The writer stores a few
 * hundred rows a millisecond; with random bits there, each batch landed all over the last index page, and
 * InnoDB split pages in the middle instead of appending: the table took half as much room again and every
 * insert cost more.
 */
final class LogIds {
    private static final int MAX_COUNTER = 0x0FFF;

    private final LongSupplier clock;
    private long lastMillis;
    private int counter;

    LogIds() {
        this(System::currentTimeMillis);
    }

    LogIds(LongSupplier clock) {
        this.clock = clock;
    }

    synchronized String next() {
        long now = clock.getAsLong();
        if (now > lastMillis) {
            lastMillis = now;
            counter = 0;
        } else if (++counter > MAX_COUNTER) {
            // more than 4,096 ids this millisecond, or the clock went back: borrow the next millisecond
            lastMillis++;
            counter = 0;
        }
        long high = (lastMillis << 16) | 0x7000L | counter;
        long low = (ThreadLocalRandom.current().nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
