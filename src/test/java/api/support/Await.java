package api.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for something to happen instead of sleeping a fixed time and hoping: a test then runs as fast as the
 * machine allows, and the bound is only there to fail a test whose condition never comes.
 */
public final class Await {
    private static final Duration BOUND = Duration.ofSeconds(30);

    private Await() {}

    public static void until(String what, BooleanSupplier condition) {
        value(what, condition::getAsBoolean, Boolean::booleanValue);
    }

    /** The first value of {@code supplier} that {@code done} accepts. */
    public static <T> T value(String what, Supplier<T> supplier, Predicate<T> done) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        T last = supplier.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + BOUND.toSeconds() + " s for " + what + "; last: " + last);
            }
            pause();
            last = supplier.get();
        }
        return last;
    }

    public static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
