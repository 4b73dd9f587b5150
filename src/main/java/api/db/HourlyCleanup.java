package api.db;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every instance runs it hourly; deleting what another instance already deleted is a no-op. */
public final class HourlyCleanup implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HourlyCleanup.class);
    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);
    private static final Duration EVERY = Duration.ofHours(1);

    /** {@code delete} deletes the rows {@code what} names and returns how many. */
    public record Job(String what, LongSupplier delete) {}

    private final List<Job> jobs;
    private ScheduledExecutorService scheduler;

    public HourlyCleanup(List<Job> jobs) {
        this.jobs = List.copyOf(jobs);
    }

    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(work -> {
            var thread = new Thread(work, "hourly-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(
                this::runOnce, FIRST_RUN_AFTER.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** One pass over every job. Never throws: an exception would cancel every later run of the schedule. */
    void runOnce() {
        for (Job job : jobs) {
            try {
                long deleted = job.delete().getAsLong();
                if (deleted > 0) {
                    log.info("Deleted {} {}", deleted, job.what());
                }
            } catch (RuntimeException e) {
                log.warn(
                        "Deleting {} failed ({}); trying again in {} min",
                        job.what(),
                        e.getMessage(),
                        EVERY.toMinutes());
            }
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Chunked so that no single DELETE holds InnoDB's locks for long; returns how many rows went. */
    public static long inChunks(int chunk, IntUnaryOperator deleteUpTo, BooleanSupplier stop) {
        long deleted = 0;
        int last;
        do {
            last = deleteUpTo.applyAsInt(chunk);
            deleted += last;
        } while (last == chunk && !stop.getAsBoolean());
        return deleted;
    }

    public static long inChunks(int chunk, IntUnaryOperator deleteUpTo) {
        return inChunks(chunk, deleteUpTo, () -> false);
    }
}
