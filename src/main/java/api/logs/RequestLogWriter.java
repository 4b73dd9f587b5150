package api.logs;

import api.db.DbErrors;
import api.web.Json;
import api.web.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores request logs off the request path: {@link #submit} only offers to a bounded queue, and one background
 * thread drains it in batches (full batches at once, a partial one after {@link #MAX_WAIT}). While the database
 * is down the thread retries with backoff and the queue fills; once full, new records are dropped and counted,
 * so a request never waits and memory stays bounded.
 */
public final class RequestLogWriter {
    private static final Logger log = LoggerFactory.getLogger(RequestLogWriter.class);
    static final Duration MAX_WAIT = Duration.ofMillis(100);
    private static final long MAX_BACKOFF_MS = 2_000;
    /** A batch that fails for any other reason than an unreachable database is given up after this many tries. */
    private static final int MAX_ATTEMPTS_WHEN_REACHABLE = 3;

    private final RequestLogDao dao;
    private final BlockingQueue<RequestLog> queue;
    private final int batchSize;
    private final Duration flushTimeout;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong droppedQueueFull = new AtomicLong();
    private final AtomicLong droppedWriteFailed = new AtomicLong();
    private volatile boolean stopping;
    private volatile long stopDeadline;
    private Thread thread;

    public RequestLogWriter(RequestLogDao dao, int queueSize, int batchSize, Duration flushTimeout) {
        this.dao = dao;
        this.queue = new ArrayBlockingQueue<>(queueSize);
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
        if (stopping || !queue.offer(record)) {
            droppedQueueFull.incrementAndGet();
        }
    }

    /**
     * Writes out everything queued, then stops the thread. Called once the server has stopped answering, before
     * the pool closes; gives up (and says how many records were lost) after the flush timeout.
     */
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
        try {
            running.join(flushTimeout.toMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = queue.size();
        if (running.isAlive() || left > 0) {
            log.warn("Request log flush timed out: {} records not stored", left);
        }
    }

    public long queueDepth() {
        return queue.size();
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
        while (!stopping || !queue.isEmpty()) {
            if (stopping && System.nanoTime() - stopDeadline > 0) {
                // the database stayed away past the flush timeout: count the rest lost instead of trying each batch
                droppedWriteFailed.addAndGet(queue.drainTo(new ArrayList<>()));
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

    private void collect(List<RequestLog> batch) throws InterruptedException {
        RequestLog first = queue.poll(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        batch.add(first);
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (batch.size() < batchSize) {
            queue.drainTo(batch, batchSize - batch.size());
            long waitNanos = deadline - System.nanoTime();
            if (batch.size() >= batchSize || waitNanos <= 0 || stopping) {
                return;
            }
            RequestLog next = queue.poll(waitNanos, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void write(List<RequestLog> batch) {
        List<StoredLog> rows = batch.stream().map(RequestLogWriter::toRow).toList();
        long backoffMs = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                dao.store(rows);
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

    private static StoredLog toRow(RequestLog record) {
        try {
            return new StoredLog(RequestIds.timeOrdered(), Json.MAPPER.writeValueAsString(record), record.timestamp());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request log cannot be serialised", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
