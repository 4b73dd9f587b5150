package api.posts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Api;
import api.support.Api.Account;
import api.support.OnEachDatabase;
import api.support.TestApp;
import api.support.TestDb;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

class PostApiTest {

    private static TestApp app(TestDb db) {
        db.truncateAll();
        return Api.on(db);
    }

    private static List<String> titles(JsonNode list) {
        List<String> titles = new ArrayList<>();
        list.forEach(item -> titles.add(item.get("Post").get("title").asText()));
        return titles;
    }

    @OnEachDatabase
    void get_all_posts_returns_every_post_as_post_and_votes(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        Api.createPost(app, user, "first title");
        Api.createPost(app, user, "2nd title");
        Api.createPost(app, user, "3rd title");

        var response = app.get("/posts", user.auth());

        assertEquals(200, response.status());
        assertEquals(List.of("first title", "2nd title", "3rd title"), titles(response.json()));
        JsonNode first = response.json().get(0);
        assertEquals(0, first.get("votes").asLong());
        JsonNode post = first.get("Post");
        assertEquals(
                List.of("id", "title", "content", "published", "created_at", "owner_id", "owner"), fieldNames(post));
        assertEquals(user.id(), post.get("owner").get("id").asLong());
        assertEquals(user.email(), post.get("owner").get("email").asText());
        assertFalse(post.get("owner").has("password"));
    }

    @OnEachDatabase
    void get_all_posts_with_a_trailing_slash_works(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        assertEquals(200, app.get("/posts/", user.auth()).status());
    }

    @OnEachDatabase
    void list_shows_vote_counts(TestDb db) {
        TestApp app = app(db);
        var a = Api.signUp(app);
        var b = Api.signUp(app);
        long post = Api.createPost(app, a, "popular");
        Api.createPost(app, a, "ignored");
        app.postJson("/vote", Map.of("post_id", post, "dir", 1), a.auth());
        app.postJson("/vote", Map.of("post_id", post, "dir", 1), b.auth());

        var list = app.get("/posts", a.auth()).json();

        assertEquals(2, list.get(0).get("votes").asLong());
        assertEquals(0, list.get(1).get("votes").asLong());
    }

    @OnEachDatabase
    void limit_and_skip_page_through_the_posts(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        for (String title : List.of("p1", "p2", "p3", "p4", "p5")) {
            Api.createPost(app, user, title);
        }

        assertEquals(
                List.of("p3", "p4"),
                titles(app.get("/posts?limit=2&skip=2", user.auth()).json()));
        assertEquals(
                List.of("p5"),
                titles(app.get("/posts?limit=2&skip=4", user.auth()).json()));
        assertEquals(0, app.get("/posts?skip=10", user.auth()).json().size());
    }

    @OnEachDatabase
    void limit_defaults_to_10(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        for (int i = 0; i < 12; i++) {
            Api.createPost(app, user, "post " + i);
        }

        assertEquals(10, app.get("/posts", user.auth()).json().size());
    }

    @OnEachDatabase
    void search_matches_titles_containing_the_text_ignoring_case(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        Api.createPost(app, user, "Beaches in Portugal");
        Api.createPost(app, user, "Mountains");
        Api.createPost(app, user, "best beach bars");

        assertEquals(
                List.of("Beaches in Portugal", "best beach bars"),
                titles(app.get("/posts?search=BEACH", user.auth()).json()));
        assertEquals(
                List.of("best beach bars"),
                titles(app.get("/posts?search=beach%20bars", user.auth()).json()));
    }

    @OnEachDatabase
    void limit_out_of_range_returns_422(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        for (String limit : List.of("0", "101", "-1", "ten")) {
            var response = app.get("/posts?limit=" + limit, user.auth());
            assertEquals(422, response.status(), "limit=" + limit);
            assertEquals(
                    List.of("query", "limit"),
                    List.of(
                            response.json()
                                    .get("detail")
                                    .get(0)
                                    .get("loc")
                                    .get(0)
                                    .asText(),
                            response.json()
                                    .get("detail")
                                    .get(0)
                                    .get("loc")
                                    .get(1)
                                    .asText()));
        }
        assertEquals(200, app.get("/posts?limit=100", user.auth()).status());
        assertEquals(200, app.get("/posts?limit=1", user.auth()).status());
    }

    @OnEachDatabase
    void negative_skip_returns_422(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.get("/posts?skip=-1", user.auth());

        assertEquals(422, response.status());
        assertEquals(
                "skip", response.json().get("detail").get(0).get("loc").get(1).asText());
    }

    @OnEachDatabase
    void unauthorized_user_get_all_posts_returns_401(TestDb db) {
        assertEquals(401, app(db).get("/posts").status());
    }

    @OnEachDatabase
    void unauthorized_user_get_one_post_returns_401(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        long post = Api.createPost(app, user, "title");

        assertEquals(401, app.get("/posts/" + post).status());
    }

    @OnEachDatabase
    void get_one_post_returns_it_with_its_votes(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        long post = Api.createPost(app, user, "the title");
        app.postJson("/vote", Map.of("post_id", post, "dir", 1), user.auth());

        var response = app.get("/posts/" + post, user.auth());

        assertEquals(200, response.status());
        assertEquals(post, response.json().get("Post").get("id").asLong());
        assertEquals("the title", response.json().get("Post").get("title").asText());
        assertEquals(
                "content of the title",
                response.json().get("Post").get("content").asText());
        assertEquals(1, response.json().get("votes").asLong());
    }

    @OnEachDatabase
    void get_one_post_not_exist_returns_404(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.get("/posts/88888", user.auth());

        assertEquals(404, response.status());
        assertEquals("post with id: 88888 was not found", response.detail());
    }

    @OnEachDatabase
    void another_users_unpublished_post_is_404_by_id(TestDb db) {
        TestApp app = app(db);
        var author = Api.signUp(app);
        var reader = Api.signUp(app);
        long draft = Api.createDraft(app, author, "draft");

        var response = app.get("/posts/" + draft, reader.auth());

        assertEquals(404, response.status());
        assertEquals("post with id: " + draft + " was not found", response.detail());
        assertEquals(200, app.get("/posts/" + draft, author.auth()).status());
    }

    @OnEachDatabase
    void another_users_draft_answers_every_method_exactly_like_a_missing_post(TestDb db) {
        TestApp app = app(db);
        var author = Api.signUp(app);
        var prober = Api.signUp(app);
        long draft = Api.createDraft(app, author, "draft");

        List<String> whileItExists = probe(app, prober, draft);
        assertEquals(
                "draft",
                app.get("/posts/" + draft, author.auth())
                        .json()
                        .get("Post")
                        .get("title")
                        .asText());
        assertEquals(204, app.delete("/posts/" + draft, author.auth()).status());
        List<String> onceItIsGone = probe(app, prober, draft);

        assertEquals(onceItIsGone, whileItExists);
    }

    /** Every way a client can ask about post {@code id}, each answer as its status and body. */
    private static List<String> probe(TestApp app, Account prober, long id) {
        var changed = Map.of("title", "probed", "content", "probed", "published", true);
        return Stream.of(
                        app.get("/posts/" + id, prober.auth()),
                        app.putJson("/posts/" + id, changed, prober.auth()),
                        app.delete("/posts/" + id, prober.auth()),
                        app.postJson("/vote", Map.of("post_id", id, "dir", 1), prober.auth()),
                        app.postJson("/vote", Map.of("post_id", id, "dir", 0), prober.auth()))
                .map(response -> response.status() + " " + response.body())
                .toList();
    }

    @OnEachDatabase
    void the_list_shows_an_unpublished_post_to_its_owner_only(TestDb db) {
        TestApp app = app(db);
        var author = Api.signUp(app);
        var reader = Api.signUp(app);
        Api.createDraft(app, author, "secret draft");
        app.postJson("/posts", Map.of("title", "public post", "content", "hello"), author.auth());

        assertEquals(
                List.of("public post"),
                titles(app.get("/posts?limit=100", reader.auth()).json()));
        assertEquals(
                List.of("secret draft", "public post"),
                titles(app.get("/posts?limit=100", author.auth()).json()));
    }

    @OnEachDatabase
    void create_post_returns_201_owned_by_the_caller(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.postJson(
                "/posts",
                Map.of("title", "awesome new title", "content", "awesome new content", "published", false),
                user.auth());

        assertEquals(201, response.status());
        JsonNode post = response.json();
        assertEquals("awesome new title", post.get("title").asText());
        assertEquals("awesome new content", post.get("content").asText());
        assertFalse(post.get("published").asBoolean());
        assertEquals(user.id(), post.get("owner_id").asLong());
        assertEquals(user.email(), post.get("owner").get("email").asText());
        assertTrue(post.get("created_at").asText().endsWith("+00:00"));
    }

    @OnEachDatabase
    void create_post_with_a_trailing_slash_works(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        assertEquals(
                201,
                app.postJson("/posts/", Map.of("title", "t", "content", "c"), user.auth())
                        .status());
    }

    @OnEachDatabase
    void create_post_published_defaults_to_true(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.postJson("/posts", Map.of("title", "arbitrary title", "content", "aasdfjasdf"), user.auth());

        assertEquals(201, response.status());
        assertTrue(response.json().get("published").asBoolean());
    }

    @OnEachDatabase
    void create_post_without_title_and_content_returns_422_listing_both(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.postJson("/posts", Map.of("published", true), user.auth());

        assertEquals(422, response.status());
        var detail = response.json().get("detail");
        assertEquals("title", detail.get(0).get("loc").get(1).asText());
        assertEquals("content", detail.get(1).get("loc").get(1).asText());
    }

    @OnEachDatabase
    void create_post_with_a_title_over_255_characters_returns_422(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.postJson("/posts", Map.of("title", "t".repeat(256), "content", "c"), user.auth());

        assertEquals(422, response.status());
        assertEquals(
                "title", response.json().get("detail").get(0).get("loc").get(1).asText());
    }

    @OnEachDatabase
    void create_post_whose_title_escapes_an_unpaired_surrogate_returns_422_instead_of_storing_a_question_mark(
            TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.postJson("/posts", "{\"title\": \"a\\ud83d\", \"content\": \"c\"}", user.auth());

        assertEquals(422, response.status());
        assertEquals(
                "json_invalid", response.json().get("detail").get(0).get("type").asText());
    }

    @OnEachDatabase
    void create_post_whose_title_escapes_a_surrogate_pair_stores_the_character(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.postJson("/posts", "{\"title\": \"\\ud83d\\ude00\", \"content\": \"c\"}", user.auth());

        assertEquals(201, response.status());
        assertEquals("\ud83d\ude00", response.json().get("title").asText());
    }

    @OnEachDatabase
    void create_post_with_a_non_boolean_published_returns_422(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.postJson("/posts", Map.of("title", "t", "content", "c", "published", "maybe"), user.auth());

        assertEquals(422, response.status());
    }

    @OnEachDatabase
    void unauthorized_user_create_post_returns_401(TestDb db) {
        assertEquals(
                401,
                app(db).postJson("/posts", Map.of("title", "t", "content", "c")).status());
    }

    @OnEachDatabase
    void unauthorized_user_delete_post_returns_401(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        long post = Api.createPost(app, user, "title");

        assertEquals(401, app.delete("/posts/" + post).status());
    }

    @OnEachDatabase
    void delete_own_post_returns_204_with_an_empty_body(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        long post = Api.createPost(app, user, "title");

        var response = app.delete("/posts/" + post, user.auth());

        assertEquals(204, response.status());
        assertEquals("", response.body());
        assertEquals(404, app.get("/posts/" + post, user.auth()).status());
    }

    @OnEachDatabase
    void delete_post_non_exist_returns_404(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.delete("/posts/8000000", user.auth());

        assertEquals(404, response.status());
        assertEquals("post with id: 8000000 does not exist", response.detail());
    }

    @OnEachDatabase
    void delete_other_users_post_returns_403(TestDb db) {
        TestApp app = app(db);
        Account owner = Api.signUp(app);
        Account other = Api.signUp(app);
        long post = Api.createPost(app, owner, "title");

        var response = app.delete("/posts/" + post, other.auth());

        assertEquals(403, response.status());
        assertEquals("Not authorized to perform requested action", response.detail());
        assertEquals(200, app.get("/posts/" + post, owner.auth()).status());
    }

    @OnEachDatabase
    void deleting_a_post_deletes_its_votes(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        long post = Api.createPost(app, user, "title");
        app.postJson("/vote", Map.of("post_id", post, "dir", 1), user.auth());

        app.delete("/posts/" + post, user.auth());

        assertEquals(0, (int) db.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM votes")
                        .mapTo(Integer.class)
                        .one()));
    }

    @OnEachDatabase
    void update_own_post_returns_200_with_the_new_title_and_content(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        long post = Api.createPost(app, user, "old title");

        var response = app.putJson(
                "/posts/" + post,
                Map.of("title", "updated title", "content", "updated content", "id", 12345),
                user.auth());

        assertEquals(200, response.status());
        assertEquals(post, response.json().get("id").asLong());
        assertEquals("updated title", response.json().get("title").asText());
        assertEquals("updated content", response.json().get("content").asText());
        assertTrue(response.json().get("published").asBoolean());
        assertEquals(
                "updated title",
                app.get("/posts/" + post, user.auth())
                        .json()
                        .get("Post")
                        .get("title")
                        .asText());
    }

    @OnEachDatabase
    void update_other_users_post_returns_403(TestDb db) {
        TestApp app = app(db);
        Account owner = Api.signUp(app);
        Account other = Api.signUp(app);
        long post = Api.createPost(app, owner, "title");

        var response = app.putJson("/posts/" + post, Map.of("title", "hijacked", "content", "c"), other.auth());

        assertEquals(403, response.status());
        assertEquals("Not authorized to perform requested action", response.detail());
        assertEquals(
                "title",
                app.get("/posts/" + post, owner.auth())
                        .json()
                        .get("Post")
                        .get("title")
                        .asText());
    }

    @OnEachDatabase
    void unauthorized_user_update_post_returns_401(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        long post = Api.createPost(app, user, "title");

        assertEquals(
                401,
                app.putJson("/posts/" + post, Map.of("title", "t", "content", "c"))
                        .status());
    }

    @OnEachDatabase
    void update_post_non_exist_returns_404(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.putJson("/posts/8000000", Map.of("title", "t", "content", "c"), user.auth());

        assertEquals(404, response.status());
        assertEquals("post with id: 8000000 does not exist", response.detail());
    }

    @OnEachDatabase
    void update_post_with_an_invalid_body_returns_422(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        long post = Api.createPost(app, user, "title");

        assertEquals(
                422,
                app.putJson("/posts/" + post, Map.of("title", "only a title"), user.auth())
                        .status());
    }

    @OnEachDatabase
    void a_post_id_that_is_not_a_number_returns_422(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.get("/posts/abc", user.auth());

        assertEquals(422, response.status());
        assertEquals(
                "id", response.json().get("detail").get(0).get("loc").get(1).asText());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
