package api.votes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import api.support.Api;
import api.support.OnEachDatabase;
import api.support.TestApp;
import api.support.TestDb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class VoteApiTest {

    private static TestApp app(TestDb db) {
        db.truncateAll();
        return Api.on(db);
    }

    private static TestApp.Response vote(TestApp app, Api.Account user, long post, int dir) {
        return app.postJson("/vote", Map.of("post_id", post, "dir", dir), user.auth());
    }

    @OnEachDatabase
    void vote_on_post_returns_201_added(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        long post = Api.createPost(app, user, "title");

        var response = vote(app, user, post, 1);

        assertEquals(201, response.status());
        assertEquals("successfully added vote", response.json().get("message").asText());
        assertEquals(
                1, app.get("/posts/" + post, user.auth()).json().get("votes").asLong());
    }

    @OnEachDatabase
    void vote_with_a_trailing_slash_works(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        long post = Api.createPost(app, user, "title");

        assertEquals(
                201,
                app.postJson("/vote/", Map.of("post_id", post, "dir", 1), user.auth())
                        .status());
    }

    @OnEachDatabase
    void vote_twice_on_the_same_post_returns_409(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        long post = Api.createPost(app, user, "title");
        vote(app, user, post, 1);

        var again = vote(app, user, post, 1);

        assertEquals(409, again.status());
        assertEquals("user " + user.id() + " has alredy voted on post " + post, again.detail()); // sic
    }

    @OnEachDatabase
    void delete_vote_returns_201_deleted(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        long post = Api.createPost(app, user, "title");
        vote(app, user, post, 1);

        var response = vote(app, user, post, 0);

        assertEquals(201, response.status());
        assertEquals("successfully deleted vote", response.json().get("message").asText());
        assertEquals(
                0, app.get("/posts/" + post, user.auth()).json().get("votes").asLong());
    }

    @OnEachDatabase
    void delete_vote_that_does_not_exist_returns_404(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        long post = Api.createPost(app, user, "title");

        var response = vote(app, user, post, 0);

        assertEquals(404, response.status());
        assertEquals("Vote does not exist", response.detail());
    }

    @OnEachDatabase
    void vote_on_a_post_that_does_not_exist_returns_404(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = vote(app, user, 80000, 1);

        assertEquals(404, response.status());
        assertEquals("Post with id: 80000 does not exist", response.detail());
    }

    @OnEachDatabase
    void removing_a_vote_on_a_post_that_does_not_exist_returns_404_for_the_post(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = vote(app, user, 80000, 0);

        assertEquals(404, response.status());
        assertEquals("Post with id: 80000 does not exist", response.detail());
    }

    @OnEachDatabase
    void vote_unauthorized_user_returns_401(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        long post = Api.createPost(app, user, "title");

        assertEquals(
                401, app.postJson("/vote", Map.of("post_id", post, "dir", 1)).status());
    }

    @OnEachDatabase
    void a_vote_on_another_users_draft_is_404_and_adds_nothing(TestDb db) {
        TestApp app = app(db);
        var author = Api.signUp(app);
        var reader = Api.signUp(app);
        long draft = Api.createDraft(app, author, "draft");

        var response = app.postJson("/vote", Map.of("post_id", draft, "dir", 1), reader.auth());

        assertEquals(404, response.status());
        assertEquals("Post with id: " + draft + " does not exist", response.detail());
        assertEquals(
                0, app.get("/posts/" + draft, author.auth()).json().get("votes").asLong());
    }

    @OnEachDatabase
    void a_dir_past_64_bits_that_wraps_to_1_is_422_and_adds_no_vote(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        long post = Api.createPost(app, user, "title");

        var response = app.postJson("/vote", "{\"post_id\": " + post + ", \"dir\": 18446744073709551617}", user.auth());

        assertEquals(422, response.status());
        assertEquals(
                "dir", response.json().get("detail").get(0).get("loc").get(1).asText());
        assertEquals(
                0, app.get("/posts/" + post, user.auth()).json().get("votes").asLong());
    }

    @OnEachDatabase
    void a_dir_other_than_0_or_1_returns_422(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        long post = Api.createPost(app, user, "title");

        for (Object dir : List.of(2, -1, "1", 1.5, true)) {
            var response = app.postJson("/vote", Map.of("post_id", post, "dir", dir), user.auth());
            assertEquals(422, response.status(), "dir " + dir);
            assertEquals(
                    "dir",
                    response.json().get("detail").get(0).get("loc").get(1).asText());
        }
    }

    @OnEachDatabase
    void a_vote_without_fields_returns_422_listing_both(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.postJson("/vote", Map.of(), user.auth());

        assertEquals(422, response.status());
        assertEquals(
                "post_id",
                response.json().get("detail").get(0).get("loc").get(1).asText());
        assertEquals(
                "dir", response.json().get("detail").get(1).get("loc").get(1).asText());
    }

    @OnEachDatabase
    void fifty_identical_votes_at_once_give_exactly_one_201_and_no_500(TestDb db) throws Exception {
        TestApp app = app(db);
        var user = Api.signUp(app);
        long post = Api.createPost(app, user, "title");
        int voters = 50;
        ExecutorService pool = Executors.newFixedThreadPool(voters);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < voters; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return vote(app, user, post, 1).status();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get());
            }

            assertEquals(1, results.stream().filter(s -> s == 201).count(), results.toString());
            assertEquals(voters - 1, results.stream().filter(s -> s == 409).count(), results.toString());
            assertEquals(
                    1,
                    app.get("/posts/" + post, user.auth()).json().get("votes").asLong());
        } finally {
            pool.shutdownNow();
        }
    }
}
