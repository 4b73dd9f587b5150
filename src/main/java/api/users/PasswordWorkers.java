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
 * The threads bcrypt runs on, off Jetty's: a hash holds a core for a long while, and on Jetty's threads a burst of
 * logins took every worker while requests that hash nothing queued behind them. Here a hash per thread runs,
 * {@code queueSize} more wait, and past that a request is refused at once with 503 instead of waiting longer than
 * any client or proxy would.
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

    /** Hashes waiting for a thread. */
    public int queued() {
        return executor.getQueue().size();
    }

    /** Requests refused because the queue was full. */
    public long rejected() {
        return rejected.get();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
