package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Await;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import api.support.TestDbs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The attack: sign-ups, taken or new, sent to use up the bcrypt threads so the owners cannot log in. bcrypt at cost 13
 * keeps each hash on its thread long enough for the test to look; the database plays no part, so H2 alone.
 */
class SignUpFloodApiTest {
    private static final String PASSWORD = "password123";

    private final TestDb db = TestDbs.h2();
    private TestApp app;

    @AfterEach
    void stop() {
        app.close();
    }

    /**
     * One bcrypt thread and a queue of one, at a cost whose hash lasts long enough for a test to see the thread busy
     * and send the next request while it is.
     */
    private void startWithOneBcryptPlace(int signUpsPerHour) {
        start(1, 1, signUpsPerHour, 15);
    }

    private void start(int threads, int queueSize) {
        start(threads, queueSize, 1_000_000, 13);
    }

    private void start(int threads, int queueSize, int signUpsPerHour, int cost) {
        db.truncateAll();
        app = TestApp.start(
                TestConfig.forDb(
                        db,
                        Map.of(
                                "BCRYPT_COST",
                                String.valueOf(cost),
                                "BCRYPT_THREADS",
                                String.valueOf(threads),
                                "BCRYPT_QUEUE_SIZE",
                                String.valueOf(queueSize),
                                "HTTP_THREADS",
                                "16",
                                "LOGIN_MAX_FAILURES",
                                "1000",
                                "SIGNUP_MAX_PER_HOUR",
                                String.valueOf(signUpsPerHour))),
                db);
    }

    /**
     * One wrong login hashing and one waiting: the bcrypt pool has no room left. The second is sent once the first
     * is on the thread, since a queued first one would leave the second no room.
     */
    private List<Future<TestApp.Response>> fillTheBcryptPool(ExecutorService logins) {
        var hashing = logins.submit(() -> login("nobody1@example.com", "wrong-password"));
        Await.until("the first login on the bcrypt thread", () -> metrics().contains("\npassword_work_active 1.0\n"));
        var waiting = logins.submit(() -> login("nobody2@example.com", "wrong-password"));
        Await.until("the bcrypt queue to be full", () -> metrics().contains("\npassword_work_queue_depth 1.0\n"));
        return List.of(hashing, waiting);
    }

    private TestApp.Response signUp(String email) {
        return app.postJson("/users", Map.of("email", email, "password", PASSWORD));
    }

    private TestApp.Response login(String email, String password) {
        return app.postForm("/login", Map.of("username", email, "password", password));
    }

    private String metrics() {
        return app.get("/metrics").body();
    }

    @Test
    void a_taken_email_is_answered_409_without_asking_for_a_hash_even_while_the_bcrypt_queue_is_full()
            throws Exception {
        startWithOneBcryptPlace(1_000_000);
        assertEquals(201, signUp("alice@example.com").status());
        ExecutorService logins = Executors.newFixedThreadPool(2);
        try {
            List<Future<TestApp.Response>> wrong = fillTheBcryptPool(logins);

            var again = signUp("ALICE@example.com");

            assertEquals(409, again.status());
            assertTrue(metrics().contains("\npassword_work_rejected_total 0.0\n"), "a hash was asked for");
            for (Future<TestApp.Response> answer : wrong) {
                assertEquals(403, answer.get(60, TimeUnit.SECONDS).status());
            }
        } finally {
            logins.shutdownNow();
        }
    }

    @Test
    void a_sign_up_refused_for_a_full_bcrypt_queue_keeps_no_place_in_the_hourly_count() throws Exception {
        startWithOneBcryptPlace(1);
        ExecutorService logins = Executors.newFixedThreadPool(2);
        try {
            List<Future<TestApp.Response>> wrong = fillTheBcryptPool(logins);
            assertEquals(503, signUp("first-try@example.com").status());
            for (Future<TestApp.Response> answer : wrong) {
                answer.get(60, TimeUnit.SECONDS);
            }

            assertEquals(201, signUp("second-try@example.com").status());
        } finally {
            logins.shutdownNow();
        }
    }

    @Test
    void a_right_login_gets_200_while_sign_ups_flood_the_bcrypt_pool() throws Exception {
        start(2, 2);
        assertEquals(201, signUp("owner@example.com").status());
        var flooding = new AtomicBoolean(true);
        var emails = new AtomicInteger();
        ExecutorService flood = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> flooders = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                flooders.add(flood.submit(() -> {
                    while (flooding.get()) {
                        signUp("flood" + emails.incrementAndGet() + "@example.com");
                    }
                }));
            }
            // the sign-ups' share is full: one hashing, one waiting, the rest refused
            Await.until(
                    "a sign-up waiting for a bcrypt thread",
                    () -> metrics().contains("\npassword_work_queue_depth 1.0\n"));

            var login = login("owner@example.com", PASSWORD);

            assertEquals(200, login.status(), login.body());
            flooding.set(false);
            for (Future<?> flooder : flooders) {
                flooder.get(60, TimeUnit.SECONDS);
            }
        } finally {
            flooding.set(false);
            flood.shutdownNow();
        }
    }
}
