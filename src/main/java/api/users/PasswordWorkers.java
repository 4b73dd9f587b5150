package api.users;

import api.web.ApiError;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
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
 * queueSize} waiting a request gets 503 at once. Sign-ups hash on at most half the threads and wait in at most half
 * the queue, so a flood of them leaves logins room.
 */
public final class PasswordWorkers implements AutoCloseable {
    static final int RETRY_AFTER_SECONDS = 1;

    private final ThreadPoolExecutor executor;
    private final AtomicLong rejected = new AtomicLong();
    private final int signUpThreads;
    private final int signUpQueue;
    private final ArrayDeque<SignUpWork> signUpsWaiting = new ArrayDeque<>();
    private int signUpsOnThreads; // handed to the executor, running or in its queue; guarded by signUpsWaiting

    private record SignUpWork(Runnable work, CompletableFuture<?> result) {}

    public PasswordWorkers(int threads, int queueSize) {
        var names = new AtomicInteger();
        executor = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueSize), work -> {
                    var thread = new Thread(work, "bcrypt-" + names.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        signUpThreads = Math.max(1, threads / 2); // one thread is more than half, but sign-ups must run at all
        signUpQueue = queueSize / 2;
    }

    /** Runs {@code work} on a bcrypt thread; fails with a 503 {@link ApiError} when the queue is full. */
    public <T> CompletableFuture<T> run(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (RejectedExecutionException e) {
            rejected.incrementAndGet();
            return CompletableFuture.failedFuture(busy());
        }
    }

    /** Runs a sign-up's {@code work} in the sign-ups' half of the threads and queue; past it, 503 as {@link #run}. */
    public <T> CompletableFuture<T> runSignUp(Supplier<T> work) {
        var result = new CompletableFuture<T>();
        var signUp = new SignUpWork(() -> complete(result, work), result);
        List<SignUpWork> refused = new ArrayList<>();
        synchronized (signUpsWaiting) {
            if (signUpsOnThreads < signUpThreads) {
                submit(signUp, refused);
            } else if (signUpsWaiting.size() < signUpQueue) {
                signUpsWaiting.add(signUp);
            } else {
                refused.add(signUp);
            }
        }
        refuse(refused);
        return result;
    }

    /** Password work being computed on a thread now. */
    public int active() {
        return executor.getActiveCount();
    }

    /** Password work waiting for a thread: in the executor's queue and the sign-ups' own. */
    public int queued() {
        synchronized (signUpsWaiting) {
            return executor.getQueue().size() + signUpsWaiting.size();
        }
    }

    public long rejected() {
        return rejected.get();
    }

    /** Under the lock: the executor's queue may still be full of logins, and then the sign-up is refused. */
    private void submit(SignUpWork signUp, List<SignUpWork> refused) {
        signUpsOnThreads++;
        try {
            executor.execute(() -> {
                try {
                    signUp.work().run();
                } finally {
                    finished();
                }
            });
        } catch (RejectedExecutionException e) {
            signUpsOnThreads--;
            refused.add(signUp);
        }
    }

    /** A waiting sign-up goes to the back of the executor's queue, behind the logins that came before it. */
    private void finished() {
        List<SignUpWork> refused = new ArrayList<>();
        synchronized (signUpsWaiting) {
            signUpsOnThreads--;
            while (signUpsOnThreads < signUpThreads && !signUpsWaiting.isEmpty()) {
                submit(signUpsWaiting.poll(), refused);
            }
        }
        refuse(refused);
    }

    /** Outside the lock: completing a future runs the stages that wait on it. */
    private void refuse(List<SignUpWork> refused) {
        for (SignUpWork signUp : refused) {
            rejected.incrementAndGet();
            signUp.result().completeExceptionally(busy());
        }
    }

    private static <T> void complete(CompletableFuture<T> result, Supplier<T> work) {
        try {
            result.complete(work.get());
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
    }

    private static ApiError busy() {
        return ApiError.unavailable("Too many password checks in progress; try again shortly", RETRY_AFTER_SECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
