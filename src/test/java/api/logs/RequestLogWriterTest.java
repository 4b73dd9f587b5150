package api.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Await;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

class RequestLogWriterTest {

    private static RequestLog aRecord(int n) {
        return new RequestLog(
                "req-" + n,
                "GET",
                "/posts/" + n,
                "/posts/{id}",
                null,
                200,
                1.5,
                "127.0.0.1",
                "test",
                null,
                Instant.now());
    }

    /** A store that keeps batches in memory and can be made to block or fail. */
    private static class FakeStore implements RequestLogStore {
        final List<List<StoredLog>> batches = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger failuresLeft = new AtomicInteger();
        volatile boolean blocking;
        volatile RuntimeException failure = unavailable();

        @Override
        public void store(List<StoredLog> rows) {
            if (blocking) {
                await(release);
            }
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw failure;
            }
            batches.add(List.copyOf(rows));
        }

        int stored() {
            return batches.stream().mapToInt(List::size).sum();
        }
    }

    private static RuntimeException unavailable() {
        return new ConnectionException(new SQLTransientConnectionException("api-db - Connection is not available"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_burst_is_written_in_batches_of_at_most_the_batch_size() {
        var store = new FakeStore();
        var writer = new RequestLogWriter(store, 1000, 50, Duration.ofSeconds(5)).start();

        for (int i = 0; i < 500; i++) {
            writer.submit(aRecord(i));
        }
        writer.flushAndStop();

        assertEquals(500, store.stored());
        assertEquals(500, writer.written());
        assertTrue(store.batches.stream().allMatch(b -> b.size() <= 50));
        assertTrue(store.batches.size() < 100, "rows were not batched: " + store.batches.size() + " inserts");
    }

    @Test
    void a_lone_record_is_written_without_waiting_for_a_full_batch() {
        var store = new FakeStore();
        var writer = new RequestLogWriter(store, 1000, 200, Duration.ofSeconds(5)).start();

        writer.submit(aRecord(1));

        Await.until("the lone record to be stored", () -> store.stored() == 1);
        writer.flushAndStop();
    }

    @Test
    void an_idle_writer_waits_for_a_record_instead_of_waking_on_a_timer() {
        var store = new FakeStore();
        var started = startWatched(new RequestLogWriter(store, 1000, 200, Duration.ofSeconds(5)));
        started.writer.submit(aRecord(1));
        Await.until("the record to be stored", () -> store.stored() == 1);

        // a writer that slept on a tick would be TIMED_WAITING or running, never WAITING
        Await.until("the writer to park", () -> started.thread.getState() == Thread.State.WAITING);
        started.writer.flushAndStop();
    }

    @Test
    void a_record_submitted_to_a_parked_writer_is_stored() {
        var store = new FakeStore();
        var started = startWatched(new RequestLogWriter(store, 1000, 200, Duration.ofSeconds(5)));
        Await.until("the writer to park", () -> started.thread.getState() == Thread.State.WAITING);

        started.writer.submit(aRecord(1));

        Await.until("the record to be stored", () -> store.stored() == 1);
        started.writer.flushAndStop();
    }

    @Test
    void stop_wakes_a_parked_writer_and_ends_it() {
        var started = startWatched(new RequestLogWriter(new FakeStore(), 1000, 200, Duration.ofSeconds(5)));
        Await.until("the writer to park", () -> started.thread.getState() == Thread.State.WAITING);

        started.writer.flushAndStop();

        assertFalse(started.thread.isAlive(), "the writer still waits for a record after stop");
    }

    private record Watched(RequestLogWriter writer, Thread thread) {}

    /** Starts the writer and finds its thread: the one named like it that was not there before. */
    private static Watched startWatched(RequestLogWriter writer) {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        writer.start();
        Thread thread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("request-log-writer") && !before.contains(t))
                .findFirst()
                .orElseThrow();
        return new Watched(writer, thread);
    }

    @Test
    void a_full_queue_drops_and_counts_new_records_without_blocking() {
        var store = new FakeStore();
        store.blocking = true;
        var writer = new RequestLogWriter(store, 5, 5, Duration.ofSeconds(5)).start();

        // the store stays blocked until the submits are done: a submit that waited for room would never return
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 1000; i++) {
                writer.submit(aRecord(i));
            }
        });
        store.release.countDown();
        writer.flushAndStop();

        assertTrue(writer.droppedQueueFull() >= 990, "dropped " + writer.droppedQueueFull());
        assertEquals(1000, writer.written() + writer.droppedQueueFull());
        assertEquals(writer.written(), store.stored());
    }

    @Test
    void records_are_kept_and_retried_while_the_database_is_unavailable() {
        var store = new FakeStore();
        store.failuresLeft.set(4);
        var writer = new RequestLogWriter(store, 100, 10, Duration.ofSeconds(10)).start();

        writer.submit(aRecord(1));
        writer.submit(aRecord(2));
        writer.flushAndStop();

        assertEquals(2, store.stored());
        assertEquals(0, writer.droppedWriteFailed());
    }

    @Test
    void a_batch_the_database_keeps_rejecting_is_dropped_and_counted() {
        var store = new FakeStore();
        store.failure = new IllegalStateException("Data too long for column");
        store.failuresLeft.set(1_000);
        var writer = new RequestLogWriter(store, 100, 10, Duration.ofSeconds(10)).start();

        writer.submit(aRecord(1));
        writer.flushAndStop();

        assertEquals(1, writer.droppedWriteFailed());
        assertEquals(0, writer.written());
    }

    @Test
    void stop_gives_up_after_the_flush_timeout_when_the_database_stays_down() {
        var store = new FakeStore();
        store.failuresLeft.set(Integer.MAX_VALUE);
        var writer = new RequestLogWriter(store, 100, 10, Duration.ofMillis(500)).start();
        writer.submit(aRecord(1));

        // the database never comes back: only giving up ends the flush
        assertTimeoutPreemptively(Duration.ofSeconds(30), writer::flushAndStop);

        assertEquals(0, writer.written());
    }

    @Test
    void records_still_queued_when_the_flush_times_out_are_counted_as_lost() {
        var store = new FakeStore();
        store.failuresLeft.set(Integer.MAX_VALUE);
        var writer = new RequestLogWriter(store, 1000, 10, Duration.ofMillis(300)).start();
        for (int i = 0; i < 500; i++) {
            writer.submit(aRecord(i));
        }

        writer.flushAndStop();

        assertEquals(500, writer.droppedWriteFailed());
        assertEquals(0, writer.queueDepth());
    }

    @Test
    void nothing_is_accepted_after_stop() {
        var writer = new RequestLogWriter(new FakeStore(), 100, 10, Duration.ofSeconds(1)).start();
        writer.flushAndStop();

        writer.submit(aRecord(1));

        assertEquals(1, writer.droppedQueueFull());
        assertEquals(0, writer.queueDepth());
    }
}
