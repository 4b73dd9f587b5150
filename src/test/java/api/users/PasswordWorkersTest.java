package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.web.ApiError;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PasswordWorkersTest {
    private final PasswordWorkers workers = new PasswordWorkers(1, 1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        workers.close();
    }

    private CompletableFuture<String> blocking(String result) {
        return workers.run(() -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return result;
        });
    }

    @Test
    void work_runs_on_a_bcrypt_thread() throws Exception {
        assertTrue(workers.run(() -> Thread.currentThread().getName())
                .get(5, TimeUnit.SECONDS)
                .startsWith("bcrypt-"));
    }

    @Test
    void work_past_the_threads_waits_in_the_queue_and_then_runs() throws Exception {
        var running = blocking("first");
        var queued = blocking("second");

        assertEquals(1, workers.queued());
        release.countDown();
        assertEquals("first", running.get(5, TimeUnit.SECONDS));
        assertEquals("second", queued.get(5, TimeUnit.SECONDS));
        assertEquals(0, workers.rejected());
    }

    @Test
    void work_past_the_queue_fails_at_once_with_503_and_retry_after() {
        blocking("running");
        blocking("queued");

        var refused = workers.run(() -> "refused");

        assertTrue(refused.isCompletedExceptionally());
        var cause = assertThrowsCause(refused);
        assertEquals(503, cause.status());
        assertEquals(
                PasswordWorkers.RETRY_AFTER_SECONDS, cause.retryAfterSeconds().orElseThrow());
        assertEquals(1, workers.rejected());
    }

    @Test
    void a_refusal_leaves_the_queued_work_intact() throws Exception {
        var running = blocking("running");
        var queued = blocking("queued");
        workers.run(() -> "refused");

        release.countDown();

        assertEquals("running", running.get(5, TimeUnit.SECONDS));
        assertEquals("queued", queued.get(5, TimeUnit.SECONDS));
        assertFalse(queued.isCompletedExceptionally());
    }

    private static ApiError assertThrowsCause(CompletableFuture<?> future) {
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return assertInstanceOf(ApiError.class, e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the future completed normally");
    }
}
