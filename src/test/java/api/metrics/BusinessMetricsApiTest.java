package api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import api.support.Api;
import api.support.SignedIn;
import api.support.TestApp;
import api.support.TestDbs;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The business counters move when the real handlers do their work, and only then. */
class BusinessMetricsApiTest {
    private TestApp app;

    @BeforeEach
    void start() {
        TestDbs.h2().truncateAll();
        app = TestApp.start(TestDbs.h2());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void sign_up_login_post_and_votes_are_counted() {
        Api.Account account = Api.signUp(app); // one registration, one successful login
        app.postForm("/login", Map.of("username", account.email(), "password", "wrong-password"));
        long post = Api.createPost(app, account, "counted");
        app.postJson("/vote", Map.of("post_id", post, "dir", 1), account.auth());
        app.postJson("/vote", Map.of("post_id", post, "dir", 0), account.auth());

        Scrape scrape = scrape();
        assertEquals(1.0, scrape.value("api_users_registered_total", Map.of()));
        assertEquals(1.0, scrape.value("api_logins_total", Map.of("result", "success")));
        assertEquals(1.0, scrape.value("api_logins_total", Map.of("result", "failure")));
        assertEquals(1.0, scrape.value("api_posts_created_total", Map.of()));
        assertEquals(1.0, scrape.value("api_votes_total", Map.of("direction", "up")));
        assertEquals(1.0, scrape.value("api_votes_total", Map.of("direction", "down")));
    }

    @Test
    void tasks_created_and_completed_through_the_api_and_the_pages_are_counted() {
        Api.Account account = Api.signUp(app);
        long id = app.postJson("/todos", Map.of("title", "集計", "memo", "メモ", "priority", 2), account.auth())
                .json()
                .get("id")
                .asLong();
        app.putJson("/todos/" + id, Map.of("completed", true), account.auth());
        SignedIn user = SignedIn.signIn(app, account.id(), account.email(), Api.PASSWORD);
        user.post("/tasks/new", Map.of("title", "page task", "description", "d", "priority", "3"));
        long second = app.get("/todos?completed=false", account.auth())
                .json()
                .get(0)
                .get("id")
                .asLong();
        user.post("/tasks/" + second + "/completed", Map.of());

        Scrape scrape = scrape();
        assertEquals(2.0, scrape.value("api_tasks_created_total", Map.of()));
        assertEquals(2.0, scrape.value("api_tasks_completed_total", Map.of()));
    }

    @Test
    void rejected_requests_count_nothing() {
        String[] auth = Api.signUp(app).auth(); // the one registration that counts
        app.postJson("/todos", Map.of("title", "no memo"), auth);
        app.postJson("/users", Map.of("email", "not-an-email", "password", "password123"));

        Scrape scrape = scrape();
        assertEquals(0.0, scrape.value("api_tasks_created_total", Map.of()));
        assertEquals(1.0, scrape.value("api_users_registered_total", Map.of()));
    }

    private Scrape scrape() {
        return Scrape.parse(app.get("/metrics").body());
    }
}
