package api.users;

import api.web.ApiError;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * bcrypt runs off Jetty's threads, so a burst of logins cannot starve requests that hash nothing; past {@code
 * queueSize} waiting a request gets 503 at once.
 */
public final class PasswordWorkers implements AutoCloseable {
    static final int RETRY_AFTER_SECONDS = 1;

    private final ThreadPoolExecutor executor;
    private final AtomicLong rejected = new AtomicLong();

    public PasswordWorkers(int threads, int queueSize) {
        var names = new AtomicInteger();
        executor = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueSize), work -> {
                    var thread = new Thread(work, "bcrypt-" + names.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Runs {@code work} on a bcrypt thread; fails with a 503 {@link ApiError} when the queue is full. */
    public <T> CompletableFuture<T> run(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException e) {
            rejected.incrementAndGet();
            return CompletableFuture.failedFuture(ApiError.unavailable(
                    "Too many password checks in progress; try again shortly", RETRY_AFTER_SECONDS));
        }
    }

    public int queued() {
        return executor.getQueue().size();
    }

    public long rejected() {
        return rejected.get();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
