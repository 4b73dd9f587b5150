package api.logs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code log_table} from growing without bound: once an hour, rows older than the retention are deleted,
 * a chunk per statement, so no single DELETE holds InnoDB's locks (or the writer's inserts) for long. Every
 * instance runs it; deleting what another instance already deleted is a no-op. The same hourly pass runs the other
 * purges handed to {@link #alsoPurging} (expired sessions), so that they need no thread of their own.
 */
public final class RequestLogRetention implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RequestLogRetention.class);
    private static final int CHUNK = 5_000;
    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);
    private static final Duration EVERY = Duration.ofHours(1);

    private final RequestLogDao dao;
    private final Duration retention;
    private final Clock clock;
    private final int chunkSize;
    private final AtomicLong purged = new AtomicLong();
    private final List<OtherPurge> others = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private ScheduledExecutorService scheduler;

    /** A zero retention keeps every record. */
    public RequestLogRetention(RequestLogDao dao, Duration retention) {
        this(dao, retention, Clock.systemUTC(), CHUNK);
    }

    RequestLogRetention(RequestLogDao dao, Duration retention, Clock clock, int chunkSize) {
        this.dao = dao;
        this.retention = retention;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    private record OtherPurge(String what, LongSupplier purge) {}

    /** Runs {@code purge} (it returns how many rows it deleted) on every hourly pass too, retention or not. */
    public synchronized RequestLogRetention alsoPurging(String what, LongSupplier purge) {
        others.add(new OtherPurge(what, purge));
        return this;
    }

    public synchronized void start() {
        if ((retention.isZero() && others.isEmpty()) || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(work -> {
            var thread = new Thread(work, "request-log-retention");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::scheduledRun, FIRST_RUN_AFTER.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** Deletes every record older than the retention, chunk by chunk; returns how many. */
    long purge() {
        Instant cutoff = clock.instant().minus(retention);
        long deleted = 0;
        int chunk;
        do {
            chunk = dao.deleteOlderThan(cutoff, chunkSize);
            deleted += chunk;
            purged.addAndGet(chunk);
        } while (chunk == chunkSize && !closed);
        return deleted;
    }

    /** Records deleted for being older than the retention, since start. */
    public long purged() {
        return purged.get();
    }

    /** One scheduled pass. Never throws: an exception would cancel every later run of the schedule. */
    void scheduledRun() {
        if (!retention.isZero()) {
            try {
                long deleted = purge();
                if (deleted > 0) {
                    log.info("Deleted {} request logs older than {} days", deleted, retention.toDays());
                }
            } catch (RuntimeException e) {
                log.warn("Request log retention failed ({}); trying again in {} min", e.getMessage(), EVERY.toMinutes());
            }
        }
        for (OtherPurge other : others) {
            try {
                long deleted = other.purge().getAsLong();
                if (deleted > 0) {
                    log.info("Deleted {} {}", deleted, other.what());
                }
            } catch (RuntimeException e) {
                log.warn("Deleting {} failed ({}); trying again in {} min", other.what(), e.getMessage(), EVERY.toMinutes());
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
