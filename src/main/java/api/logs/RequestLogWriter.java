package api.logs;

import api.config.AppConfig;
import api.db.DbErrors;
import api.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores request logs off the request path: one thread drains a bounded queue in batches, and when it is full records
 * are dropped and counted so a request never waits. The queue is lock-free and polled on a tick while a batch fills,
 * because a blocking queue's lock and wake-ups stalled request threads under load; once it is empty the writer parks
 * until the next record, so an idle server's writer does not wake a hundred times a second.
 */
public final class RequestLogWriter {
    private static final Logger log = LoggerFactory.getLogger(RequestLogWriter.class);
    static final Duration MAX_WAIT = Duration.ofMillis(100);
    /** How often a filling batch looks for more records; an empty queue parks instead. */
    private static final Duration FILL_TICK = Duration.ofMillis(10);

    private static final long MAX_BACKOFF_MS = 2_000;
    /** A batch that fails for any other reason than an unreachable database is given up after this many tries. */
    private static final int MAX_ATTEMPTS_WHEN_REACHABLE = 3;

    private final RequestLogStore store;
    private final LogIds ids = new LogIds();
    private final Queue<RequestLog> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
    private final int batchSize;
    private final Duration flushTimeout;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong droppedQueueFull = new AtomicLong();
    private final AtomicLong droppedWriteFailed = new AtomicLong();
    private volatile boolean stopping;
    private volatile long stopDeadline;
    /** Set while the writer waits for a record with no timer: only then does a submit have to wake it. */
    private volatile boolean parked;

    private volatile Thread thread;

    public RequestLogWriter(RequestLogStore store, AppConfig.RequestLogs settings, Duration flushTimeout) {
        this(store, settings.queueSize(), settings.batchSize(), flushTimeout);
    }

    public RequestLogWriter(RequestLogStore store, int queueSize, int batchSize, Duration flushTimeout) {
        this.store = store;
        this.capacity = queueSize;
        this.batchSize = batchSize;
        this.flushTimeout = flushTimeout;
    }

    public synchronized RequestLogWriter start() {
        if (thread == null) {
            thread = new Thread(this::run, "request-log-writer");
            thread.setDaemon(true); // flushAndStop is the orderly exit; a daemon never holds the JVM up
            thread.start();
        }
        return this;
    }

    /** Never blocks: a record that does not fit is dropped and counted. */
    public void submit(RequestLog record) {
        if (stopping) {
            droppedQueueFull.incrementAndGet();
        } else if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            droppedQueueFull.incrementAndGet();
        } else {
            queue.offer(record);
            if (parked) {
                LockSupport.unpark(thread);
            }
        }
    }

    /** Call once the server stops answering and before the pool closes; gives up after the flush timeout. */
    public void flushAndStop() {
        Thread running;
        synchronized (this) {
            running = thread;
            stopDeadline = System.nanoTime() + flushTimeout.toNanos();
            stopping = true;
        }
        if (running == null) {
            return;
        }
        LockSupport.unpark(running);
        try {
            running.join(flushTimeout.toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = queued.get();
        if (running.isAlive() || left > 0) {
            log.warn("Request log flush timed out: {} records not stored", left);
        }
    }

    public long queueDepth() {
        return queued.get();
    }

    public long written() {
        return written.get();
    }

    public long droppedQueueFull() {
        return droppedQueueFull.get();
    }

    public long droppedWriteFailed() {
        return droppedWriteFailed.get();
    }

    private void run() {
        List<RequestLog> batch = new ArrayList<>(batchSize);
        while (!stopping || queued.get() > 0) {
            if (stopping && System.nanoTime() - stopDeadline > 0) {
                // the database stayed away past the flush timeout: count the rest lost instead of trying each batch
                List<RequestLog> lost = new ArrayList<>();
                drain(lost, Integer.MAX_VALUE);
                droppedWriteFailed.addAndGet(lost.size());
                return;
            }
            try {
                collect(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!batch.isEmpty()) {
                write(batch);
                batch.clear();
            }
        }
    }

    /** Fills {@code batch} up to the batch size, or with what arrived within {@link #MAX_WAIT} of its first record. */
    private void collect(List<RequestLog> batch) throws InterruptedException {
        long firstAt = 0;
        while (true) {
            drain(batch, batchSize - batch.size());
            if (batch.size() >= batchSize || stopping) {
                return;
            }
            if (batch.isEmpty()) {
                awaitRecord();
                if (queued.get() == 0) {
                    return; // the loop in run() checks whether to stop
                }
                continue;
            }
            if (firstAt == 0) {
                firstAt = System.nanoTime();
            } else if (System.nanoTime() - firstAt >= MAX_WAIT.toNanos()) {
                return;
            }
            Thread.sleep(FILL_TICK.toMillis());
        }
    }

    /**
     * Parks until a submit or the stop wakes it. The flag is set before the queue is checked and read by submit after
     * it queued, so one of the two always sees the other: no record waits for a wake-up that never comes.
     */
    private void awaitRecord() throws InterruptedException {
        parked = true;
        if (queued.get() == 0 && !stopping) {
            LockSupport.park(this);
        }
        parked = false;
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    private void drain(List<RequestLog> into, int max) {
        for (int n = 0; n < max; n++) {
            RequestLog next = queue.poll();
            if (next == null) {
                return;
            }
            queued.decrementAndGet();
            into.add(next);
        }
    }

    private void write(List<RequestLog> batch) {
        List<StoredLog> rows = batch.stream().map(this::toRow).toList();
        long backoffMs = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                store.store(rows);
                written.addAndGet(rows.size());
                if (attempt > 1) {
                    log.info("Request logs stored again after {} attempts", attempt);
                }
                return;
            } catch (RuntimeException e) {
                boolean unavailable = DbErrors.isUnavailable(e);
                boolean pastDeadline = stopping && System.nanoTime() - stopDeadline > 0;
                if (pastDeadline || (!unavailable && attempt >= MAX_ATTEMPTS_WHEN_REACHABLE)) {
                    droppedWriteFailed.addAndGet(rows.size());
                    log.error("Dropping {} request logs after {} attempts", rows.size(), attempt, e);
                    return;
                }
                if (attempt == 1) {
                    log.warn("Cannot store request logs ({}); retrying with backoff", e.getMessage());
                }
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
            }
        }
    }

    private StoredLog toRow(RequestLog record) {
        try {
            return new StoredLog(
                    ids.next(record.timestamp()), Json.MAPPER.writeValueAsString(record), record.timestamp());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request log cannot be serialised", e);
        }
    }

    /** Waits without throwing: an interrupt only ends the wait early, and stays set for the loop to see. */
    private static void sleep(long ms) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ms));
    }
}
