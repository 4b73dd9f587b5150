package api.db;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HourlyCleanupTest {

    @Test
    void a_failing_job_neither_stops_the_others_nor_its_own_next_run() {
        var failingRuns = new AtomicInteger();
        var otherRuns = new AtomicInteger();
        var cleanup = new HourlyCleanup(List.of(
                new HourlyCleanup.Job("rows of a failing job", () -> {
                    if (failingRuns.incrementAndGet() == 1) {
                        throw new IllegalStateException("database unavailable");
                    }
                    return 3;
                }),
                new HourlyCleanup.Job("other rows", () -> otherRuns.incrementAndGet())));

        assertDoesNotThrow(cleanup::runOnce);
        cleanup.runOnce();

        assertEquals(2, failingRuns.get());
        assertEquals(2, otherRuns.get());
    }
}
