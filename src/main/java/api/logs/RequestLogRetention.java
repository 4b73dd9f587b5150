package api.logs;

import api.db.HourlyCleanup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps {@code log_table} from growing without bound: rows older than the retention are deleted by the hourly
 * cleanup, a chunk per statement, so no single DELETE holds InnoDB's locks (or the writer's inserts) for long.
 */
public final class RequestLogRetention implements AutoCloseable {
    private static final int CHUNK = 5_000;

    private final RequestLogDao dao;
    private final Duration retention;
    private final Clock clock;
    private final int chunkSize;
    private final AtomicLong purged = new AtomicLong();
    private volatile boolean closed;

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

    /** Deletes every record older than the retention, chunk by chunk; returns how many. */
    public long purge() {
        if (retention.isZero()) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(retention);
        return HourlyCleanup.inChunks(
                chunkSize,
                chunk -> {
                    int deleted = dao.deleteOlderThan(cutoff, chunk);
                    purged.addAndGet(deleted);
                    return deleted;
                },
                () -> closed);
    }

    /** Records deleted for being older than the retention, since start. */
    public long purged() {
        return purged.get();
    }

    /** A purge under way stops after its current chunk, so a stopping server does not wait for a large backlog. */
    @Override
    public void close() {
        closed = true;
    }
}
