package api.db;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Counters kept in a table per key and fixed window of time, shared by every instance: the failed-login and sign-up
 * limits. A row names its window by the window's end.
 */
public final class FixedWindow {
    private FixedWindow() {}

    /** The end of the window of {@code seconds} that {@code now} falls in. */
    public static Instant endOf(Instant now, long seconds) {
        return Instant.ofEpochSecond((now.getEpochSecond() / seconds + 1) * seconds);
    }

    /** Whole seconds until {@code windowEnd}, at least one: a Retry-After. */
    public static long secondsLeft(Instant now, Instant windowEnd) {
        return Math.max(1, (Duration.between(now, windowEnd).toMillis() + 999) / 1000);
    }

    /**
     * Takes a place under the limit: {@code increment} adds one while the count is under it and returns the rows
     * changed. The window's first place is an insert, which another request may win: then the row is there.
     */
    public static boolean take(IntSupplier increment, Runnable insertFirst) {
        if (increment.getAsInt() == 1) {
            return true;
        }
        try {
            insertFirst.run();
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (!DbErrors.isDuplicateKey(e)) {
                throw e;
            }
        }
        return increment.getAsInt() == 1;
    }
}
