package api.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import api.support.Api;
import api.support.Fixtures;
import api.support.OnEachDatabase;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;

/** 100 identical requests released at once: the database's unique keys, not a check before the insert, decide. */
@Tag("fault")
class ParallelDuplicatesTest {
    private static final int RACERS = 100;

    @OnEachDatabase
    void hundred_identical_votes_at_once_give_one_201_and_99_409(TestDb db) throws Exception {
        db.truncateAll();
        TestApp app = Api.on(db);
        var voter = Api.signUp(app);
        long post = Api.createPost(app, voter, "raced");

        List<TestApp.Response> responses =
                race(() -> app.postJson("/vote", Map.of("post_id", post, "dir", 1), voter.auth()));

        Map<Integer, Long> statuses = countByStatus(responses);
        System.out.printf("%d parallel votes on %s: %s%n", RACERS, db, statuses);
        assertEquals(Map.of(201, 1L, 409, (long) RACERS - 1), statuses);
        responses.stream()
                .filter(r -> r.status() == 409)
                .forEach(r ->
                        assertEquals("user " + voter.id() + " has alredy voted on post " + post, r.detail())); // sic
        assertEquals(1, Fixtures.count(db, "votes"));
    }

    @OnEachDatabase
    void hundred_registrations_of_one_email_at_once_give_one_201_and_99_409(TestDb db) throws Exception {
        db.truncateAll();
        String email = Api.uniqueEmail();

        List<TestApp.Response> responses;
        // Racers that all find the email free all wait to hash: a queue that holds every one of them lets the unique
        // key answer each, where a slow machine would otherwise turn the overflow into 503s.
        try (TestApp app =
                TestApp.start(TestConfig.forDb(db, Map.of("BCRYPT_QUEUE_SIZE", String.valueOf(2 * RACERS))), db)) {
            responses = race(() -> app.postJson("/users", Map.of("email", email, "password", Api.PASSWORD)));
        }

        Map<Integer, Long> statuses = countByStatus(responses);
        System.out.printf("%d parallel sign-ups on %s: %s%n", RACERS, db, statuses);
        assertEquals(Map.of(201, 1L, 409, (long) RACERS - 1), statuses);
        responses.stream()
                .filter(r -> r.status() == 409)
                .forEach(r -> assertEquals("User with email: " + email + " already exists", r.detail()));
        assertEquals(1, Fixtures.count(db, "users"));
    }

    /** Runs {@code request} on {@value #RACERS} threads that all wait at one latch, then go together. */
    private static List<TestApp.Response> race(Callable<TestApp.Response> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(RACERS);
        CountDownLatch ready = new CountDownLatch(RACERS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<TestApp.Response>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.call();
                }));
            }
            ready.await();
            go.countDown();
            List<TestApp.Response> responses = new ArrayList<>();
            for (Future<TestApp.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Map<Integer, Long> countByStatus(List<TestApp.Response> responses) {
        return responses.stream()
                .collect(Collectors.groupingBy(TestApp.Response::status, TreeMap::new, Collectors.counting()));
    }
}
