package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.web.ApiError;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
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

    @Test
    void sign_ups_hash_on_at_most_half_the_threads_and_wait_in_at_most_half_the_queue() throws Exception {
        try (var pool = new PasswordWorkers(2, 2)) {
            var hashing = pool.runSignUp(this::held);
            var waiting = pool.runSignUp(this::held);

            var refused = pool.runSignUp(() -> "refused");

            assertEquals(503, assertThrowsCause(refused).status());
            assertEquals(1, pool.queued());
            assertEquals("login", pool.run(() -> "login").get(5, TimeUnit.SECONDS)); // the other thread is free
            release.countDown();
            assertEquals("held", hashing.get(5, TimeUnit.SECONDS));
            assertEquals("held", waiting.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void a_waiting_sign_up_queues_behind_the_logins_that_came_before_it() throws Exception {
        try (var pool = new PasswordWorkers(2, 4)) {
            var signUpDone = new CountDownLatch(1);
            var order = new ConcurrentLinkedQueue<String>();
            pool.run(this::held); // the first thread, to the end: the second runs the rest one by one, in turn
            pool.runSignUp(() -> {
                await(signUpDone);
                return "first";
            });
            var waitingSignUp = pool.runSignUp(() -> order.add("sign-up"));
            var login = pool.run(() -> order.add("login"));

            signUpDone.countDown();

            assertTrue(waitingSignUp.get(5, TimeUnit.SECONDS));
            assertTrue(login.get(5, TimeUnit.SECONDS));
            assertEquals(List.of("login", "sign-up"), List.copyOf(order));
        }
    }

    @Test
    void with_one_thread_a_sign_up_still_gets_it() throws Exception {
        try (var pool = new PasswordWorkers(1, 1)) {
            assertEquals("signed up", pool.runSignUp(() -> "signed up").get(5, TimeUnit.SECONDS));
        }
    }

    private String held() {
        await(release);
        return "held";
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
