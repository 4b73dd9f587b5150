package api.todos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Api;
import api.support.OnEachDatabase;
import api.support.TestApp;
import api.support.TestDb;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;

class TodoApiTest {
    private static final Map<String, TestApp> APPS = new HashMap<>();

    /**
     * One running app per database for the whole class; each test empties the tables first and signs up a new
     * user, whose token every request of {@link Caller} carries.
     */
    private static Caller app(TestDb db) {
        db.truncateAll();
        TestApp app = APPS.computeIfAbsent(db.name(), name -> TestApp.start(db));
        return new Caller(app, Api.signUp(app));
    }

    /** The app as one signed-in user calls it. */
    private record Caller(TestApp app, Api.Account account) {
        TestApp.Response get(String path) {
            return app.get(path, account.auth());
        }

        TestApp.Response delete(String path) {
            return app.delete(path, account.auth());
        }

        TestApp.Response postJson(String path, Object body) {
            return app.postJson(path, body, account.auth());
        }

        TestApp.Response putJson(String path, Object body) {
            return app.putJson(path, body, account.auth());
        }

        TestApp.Response send(String method, String path, String contentType, String body) {
            return app.send(method, path, contentType, body, account.auth());
        }

        TestApp.Response send(HttpRequest.Builder request) {
            return app.send(request);
        }

        HttpRequest.Builder request(String path) {
            return app.request(path, account.auth());
        }
    }

    @AfterAll
    static void stop() {
        APPS.values().forEach(TestApp::close);
        APPS.clear();
    }

    private static Map<String, Object> aTodo(String title) {
        return Map.of("title", title, "memo", "memo of " + title, "priority", 3);
    }

    private static long create(Caller app, Map<String, Object> body) {
        var response = app.postJson("/todos", body);
        assertEquals(201, response.status(), response.body());
        return response.json().get("id").asLong();
    }

    private static Map<String, Object> without(String field) {
        Map<String, Object> body = new HashMap<>(aTodo("t"));
        body.remove(field);
        return body;
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(aTodo("t"));
        body.put(field, value);
        return body;
    }

    private static List<String> titles(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.get("title").asText())
                .toList();
    }

    @OnEachDatabase
    void create_returns_201_with_the_stored_japanese_todo_not_completed(TestDb db) {
        Caller app = app(db);
        var response = app.postJson("/todos", Map.of("title", "定期バックアップ設定", "memo", "設定したが動いているか確認する", "priority", 4));

        assertEquals(201, response.status());
        JsonNode todo = response.json();
        assertTrue(todo.get("id").isIntegralNumber());
        assertEquals("定期バックアップ設定", todo.get("title").asText());
        assertEquals("設定したが動いているか確認する", todo.get("memo").asText());
        assertEquals(4, todo.get("priority").asInt());
        assertFalse(todo.get("completed").asBoolean());
        assertTrue(todo.get("due_date").isNull());
        assertTrue(todo.get("completed_at").isNull());
        assertTrue(todo.get("created_at").asText().endsWith("+00:00"));
        assertEquals(
                List.of(
                        "id",
                        "title",
                        "memo",
                        "priority",
                        "completed",
                        "due_date",
                        "created_at",
                        "updated_at",
                        "completed_at"),
                iterable(todo.fieldNames()));
    }

    @OnEachDatabase
    void japanese_todo_reads_back_unchanged(TestDb db) {
        Caller app = app(db);
        long id = create(app, Map.of("title", "リスト(Li)カスタマイズ", "memo", "できるかな?🙂", "priority", 3));

        JsonNode todo = app.get("/todos/" + id).json();
        assertEquals("リスト(Li)カスタマイズ", todo.get("title").asText());
        assertEquals("できるかな?🙂", todo.get("memo").asText());
        assertTrue(app.get("/todos/" + id).header("Content-Type").contains("application/json"));
    }

    @OnEachDatabase
    void create_keeps_an_optional_due_date(TestDb db) {
        Caller app = app(db);
        long id = create(app, with("due_date", "2030-12-31"));
        assertEquals(
                "2030-12-31", app.get("/todos/" + id).json().get("due_date").asText());
    }

    @OnEachDatabase
    void create_without_title_is_400_title_is_required(TestDb db) {
        var response = app(db).postJson("/todos", without("title"));
        assertEquals(400, response.status());
        assertEquals("title is required.", response.detail());
    }

    @OnEachDatabase
    void create_without_memo_is_400_memo_is_required(TestDb db) {
        var response = app(db).postJson("/todos", without("memo"));
        assertEquals(400, response.status());
        assertEquals("memo is required.", response.detail());
    }

    @OnEachDatabase
    void create_without_priority_is_400_priority_is_required(TestDb db) {
        var response = app(db).postJson("/todos", without("priority"));
        assertEquals(400, response.status());
        assertEquals("priority is required.", response.detail());
    }

    @OnEachDatabase
    void create_with_an_empty_object_names_title_first(TestDb db) {
        var response = app(db).postJson("/todos", Map.of());
        assertEquals(400, response.status());
        assertEquals("title is required.", response.detail());
    }

    @OnEachDatabase
    void create_with_null_priority_is_400_priority_is_required(TestDb db) {
        var response = app(db).postJson("/todos", "{\"title\": \"t\", \"memo\": \"m\", \"priority\": null}");
        assertEquals(400, response.status());
        assertEquals("priority is required.", response.detail());
    }

    @OnEachDatabase
    void create_with_a_31_character_title_is_400(TestDb db) {
        var response = app(db).postJson("/todos", with("title", "あ".repeat(31)));
        assertEquals(400, response.status());
        assertEquals("title must be at most 30 characters.", response.detail());
    }

    @OnEachDatabase
    void create_with_a_30_character_japanese_title_is_201(TestDb db) {
        Caller app = app(db);
        long id = create(app, with("title", "あ".repeat(30)));
        assertEquals("あ".repeat(30), app.get("/todos/" + id).json().get("title").asText());
    }

    @OnEachDatabase
    void create_with_a_1001_character_memo_is_400(TestDb db) {
        var response = app(db).postJson("/todos", with("memo", "x".repeat(1001)));
        assertEquals(400, response.status());
        assertEquals("memo must be at most 1000 characters.", response.detail());
    }

    @OnEachDatabase
    void a_priority_past_64_bits_that_wraps_into_1_to_5_is_400_and_creates_nothing(TestDb db) {
        Caller app = app(db);
        int before = app.get("/todos").json().size();

        var response =
                app.postJson("/todos", "{\"title\": \"t\", \"memo\": \"m\", \"priority\": 18446744073709551619}");

        assertEquals(400, response.status());
        assertEquals("priority must be an integer from 1 (highest) to 5.", response.detail());
        assertEquals(before, app.get("/todos").json().size());
    }

    @OnEachDatabase
    void create_with_priority_outside_1_to_5_is_400(TestDb db) {
        Caller app = app(db);
        for (Object priority : List.of(0, 6, -1)) {
            var response = app.postJson("/todos", with("priority", priority));
            assertEquals(400, response.status());
            assertEquals("priority must be an integer from 1 (highest) to 5.", response.detail());
        }
    }

    @OnEachDatabase
    void create_with_wrong_types_is_400_naming_the_field(TestDb db) {
        Caller app = app(db);
        assertEquals(
                "title must be a string.",
                app.postJson("/todos", with("title", 5)).detail());
        assertEquals(
                "memo must be a string.",
                app.postJson("/todos", with("memo", List.of("x"))).detail());
        assertEquals(
                "priority must be an integer from 1 (highest) to 5.",
                app.postJson("/todos", with("priority", "3")).detail());
        assertEquals(
                "priority must be an integer from 1 (highest) to 5.",
                app.postJson("/todos", with("priority", 2.5)).detail());
        assertEquals(400, app.postJson("/todos", with("title", 5)).status());
    }

    @OnEachDatabase
    void create_with_a_bad_due_date_is_400(TestDb db) {
        Caller app = app(db);
        for (Object date : List.of("2030-02-30", "31/12/2030", 20301231)) {
            var response = app.postJson("/todos", with("due_date", date));
            assertEquals(400, response.status());
            assertEquals("due_date must be a date like 2024-12-31.", response.detail());
        }
    }

    @OnEachDatabase
    void create_with_malformed_utf8_is_400_not_stored_with_replacement_characters(TestDb db) {
        Caller app = app(db);
        byte[] latin1 =
                "{\"title\": \"caf\u00e9\", \"memo\": \"m\", \"priority\": 1}".getBytes(StandardCharsets.ISO_8859_1);

        var response = app.send(app.request("/todos")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)));

        assertEquals(400, response.status());
        assertEquals("Request body is not valid JSON.", response.detail());
    }

    @OnEachDatabase
    void create_with_malformed_json_is_400(TestDb db) {
        var response = app(db).send("POST", "/todos", "application/json", "{\"title\": ");
        assertEquals(400, response.status());
        assertEquals("Request body is not valid JSON.", response.detail());
    }

    @OnEachDatabase
    void create_with_a_json_array_is_400(TestDb db) {
        var response = app(db).send("POST", "/todos", "application/json", "[]");
        assertEquals(400, response.status());
        assertEquals("Request body must be a JSON object.", response.detail());
    }

    @OnEachDatabase
    void rejected_create_stores_nothing(TestDb db) {
        Caller app = app(db);
        app.postJson("/todos", with("priority", 9));
        assertEquals(0, app.get("/todos").json().size());
    }

    @OnEachDatabase
    void get_unknown_id_is_404_todo_not_found(TestDb db) {
        var response = app(db).get("/todos/424242");
        assertEquals(404, response.status());
        assertEquals("Todo 424242 not found", response.detail());
    }

    @OnEachDatabase
    void get_a_non_numeric_id_like_the_original_L5_is_404(TestDb db) {
        var response = app(db).get("/todos/L5");
        assertEquals(404, response.status());
        assertEquals("Todo L5 not found", response.detail());
    }

    @OnEachDatabase
    void list_returns_every_todo_in_creation_order(TestDb db) {
        Caller app = app(db);
        create(app, aTodo("プロフィールページ作成"));
        create(app, aTodo("サイドメニューのカスタマイズ"));

        var response = app.get("/todos");
        assertEquals(200, response.status());
        assertEquals(List.of("プロフィールページ作成", "サイドメニューのカスタマイズ"), titles(response.json()));
    }

    @OnEachDatabase
    void list_filters_on_completed(TestDb db) {
        Caller app = app(db);
        create(app, aTodo("open"));
        long done = create(app, aTodo("done"));
        app.putJson("/todos/" + done, Map.of("completed", true));

        assertEquals(List.of("done"), titles(app.get("/todos?completed=true").json()));
        assertEquals(List.of("open"), titles(app.get("/todos?completed=false").json()));
        assertEquals(List.of("open", "done"), titles(app.get("/todos").json()));
    }

    @OnEachDatabase
    void list_pages_with_limit_and_offset(TestDb db) {
        Caller app = app(db);
        for (String title : List.of("a", "b", "c", "d")) {
            create(app, aTodo(title));
        }
        assertEquals(
                List.of("b", "c"), titles(app.get("/todos?limit=2&offset=1").json()));
        assertEquals(List.of("d"), titles(app.get("/todos?limit=2&offset=3").json()));
        assertEquals(List.of(), titles(app.get("/todos?offset=10").json()));
    }

    @OnEachDatabase
    void list_with_bad_paging_or_filter_is_400(TestDb db) {
        Caller app = app(db);
        assertEquals(
                "limit must be an integer from 1 to 1000.",
                app.get("/todos?limit=0").detail());
        assertEquals(
                "limit must be an integer from 1 to 1000.",
                app.get("/todos?limit=1001").detail());
        assertEquals(
                "limit must be an integer from 1 to 1000.",
                app.get("/todos?limit=ten").detail());
        assertEquals(
                "offset must be an integer from 0 to 2147483647.",
                app.get("/todos?offset=-1").detail());
        assertEquals(
                "completed must be true or false.",
                app.get("/todos?completed=yes").detail());
        assertEquals(400, app.get("/todos?completed=yes").status());
    }

    @OnEachDatabase
    void put_priority_returns_the_whole_updated_todo(TestDb db) {
        Caller app = app(db);
        long id = create(app, Map.of("title", "プロフィールページ作成", "memo", "分かりやすく端的に", "priority", 3));

        var response = app.putJson("/todos/" + id, Map.of("priority", 1));

        assertEquals(200, response.status());
        JsonNode todo = response.json();
        assertEquals(1, todo.get("priority").asInt());
        assertEquals("プロフィールページ作成", todo.get("title").asText());
        assertEquals("分かりやすく端的に", todo.get("memo").asText());
        assertEquals(todo, app.get("/todos/" + id).json());
    }

    @OnEachDatabase
    void put_updates_title_memo_and_due_date_in_japanese(TestDb db) {
        Caller app = app(db);
        long id = create(app, aTodo("t"));

        JsonNode todo = app.putJson("/todos/" + id, Map.of("title", "新しい題", "memo", "新しいメモ", "due_date", "2031-01-02"))
                .json();

        assertEquals("新しい題", todo.get("title").asText());
        assertEquals("新しいメモ", todo.get("memo").asText());
        assertEquals("2031-01-02", todo.get("due_date").asText());
    }

    @OnEachDatabase
    void put_completed_true_sets_completed_at_and_false_clears_it(TestDb db) {
        Caller app = app(db);
        long id = create(app, aTodo("t"));

        JsonNode done = app.putJson("/todos/" + id, Map.of("completed", true)).json();
        assertTrue(done.get("completed").asBoolean());
        assertFalse(done.get("completed_at").isNull());

        JsonNode reopened =
                app.putJson("/todos/" + id, Map.of("completed", false)).json();
        assertFalse(reopened.get("completed").asBoolean());
        assertTrue(reopened.get("completed_at").isNull());
    }

    @OnEachDatabase
    void put_null_due_date_clears_it(TestDb db) {
        Caller app = app(db);
        long id = create(app, with("due_date", "2030-01-01"));
        assertTrue(app.putJson("/todos/" + id, "{\"due_date\": null}")
                .json()
                .get("due_date")
                .isNull());
    }

    @OnEachDatabase
    void put_unknown_field_is_400_and_changes_nothing(TestDb db) {
        Caller app = app(db);
        long id = create(app, aTodo("t"));

        var response = app.putJson("/todos/" + id, Map.of("title", "changed", "owner", "me"));

        assertEquals(400, response.status());
        assertEquals("Unknown field: owner (allowed: title, memo, priority, completed, due_date).", response.detail());
        assertEquals("t", app.get("/todos/" + id).json().get("title").asText());
    }

    @OnEachDatabase
    void put_invalid_values_are_400_naming_the_field(TestDb db) {
        Caller app = app(db);
        long id = create(app, aTodo("t"));
        String path = "/todos/" + id;

        assertEquals(
                "title must be at most 30 characters.",
                app.putJson(path, Map.of("title", "x".repeat(31))).detail());
        assertEquals(
                "memo must be at most 1000 characters.",
                app.putJson(path, Map.of("memo", "x".repeat(1001))).detail());
        assertEquals(
                "priority must be an integer from 1 (highest) to 5.",
                app.putJson(path, Map.of("priority", 7)).detail());
        assertEquals(
                "completed must be true or false.",
                app.putJson(path, Map.of("completed", "yes")).detail());
        assertEquals(
                "due_date must be a date like 2024-12-31.",
                app.putJson(path, Map.of("due_date", "tomorrow")).detail());
        assertEquals(
                "title must not be null.",
                app.putJson(path, "{\"title\": null}").detail());
        assertEquals(400, app.putJson(path, Map.of("priority", 7)).status());
    }

    @OnEachDatabase
    void put_with_an_empty_object_is_400(TestDb db) {
        Caller app = app(db);
        long id = create(app, aTodo("t"));
        var response = app.putJson("/todos/" + id, Map.of());
        assertEquals(400, response.status());
        assertEquals("Nothing to update: send any of title, memo, priority, completed, due_date.", response.detail());
    }

    @OnEachDatabase
    void put_malformed_json_is_400(TestDb db) {
        Caller app = app(db);
        long id = create(app, aTodo("t"));
        var response = app.send("PUT", "/todos/" + id, "application/json", "{oops");
        assertEquals(400, response.status());
        assertEquals("Request body is not valid JSON.", response.detail());
    }

    @OnEachDatabase
    void put_unknown_id_is_404(TestDb db) {
        var response = app(db).putJson("/todos/424242", Map.of("priority", 1));
        assertEquals(404, response.status());
        assertEquals("Todo 424242 not found", response.detail());
    }

    @OnEachDatabase
    void delete_returns_the_todo_as_it_was_and_it_is_gone(TestDb db) {
        Caller app = app(db);
        long id = create(app, Map.of("title", "消すタスク", "memo", "メモ", "priority", 2));
        JsonNode before = app.get("/todos/" + id).json();

        var response = app.delete("/todos/" + id);

        assertEquals(200, response.status());
        assertEquals(before, response.json());
        assertEquals(404, app.get("/todos/" + id).status());
        assertEquals(0, app.get("/todos").json().size());
    }

    @OnEachDatabase
    void delete_unknown_id_is_404(TestDb db) {
        var response = app(db).delete("/todos/424242");
        assertEquals(404, response.status());
        assertEquals("Todo 424242 not found", response.detail());
    }

    @OnEachDatabase
    void deleting_twice_is_404_the_second_time(TestDb db) {
        Caller app = app(db);
        long id = create(app, aTodo("t"));
        assertEquals(200, app.delete("/todos/" + id).status());
        assertEquals(404, app.delete("/todos/" + id).status());
    }

    // --- access: the attacks the owner rule and the bearer token stop ---------------------------------------------

    @OnEachDatabase
    void every_todos_route_without_a_token_is_401_not_authenticated(TestDb db) {
        Caller owner = app(db);
        long id = create(owner, aTodo("mine"));
        TestApp anonymous = owner.app();

        for (var response : List.of(
                anonymous.get("/todos"),
                anonymous.get("/todos/" + id),
                anonymous.postJson("/todos", aTodo("x")),
                anonymous.putJson("/todos/" + id, Map.of("priority", 1)),
                anonymous.delete("/todos/" + id))) {
            assertEquals(401, response.status(), response.raw().request().toString());
            assertEquals("Not authenticated", response.detail());
            assertEquals("Bearer", response.header("WWW-Authenticate"));
        }
        assertEquals(3, owner.get("/todos/" + id).json().get("priority").asInt());
    }

    @OnEachDatabase
    void a_request_without_a_token_is_401_before_its_body_is_looked_at(TestDb db) {
        var response = app(db).app().send("POST", "/todos", "text/plain", "{not json");
        assertEquals(401, response.status());
        assertEquals("Not authenticated", response.detail());
    }

    @OnEachDatabase
    void a_forged_token_is_401_could_not_validate_credentials(TestDb db) {
        var response = app(db).app().get("/todos", "Authorization", "Bearer not.a.token");
        assertEquals(401, response.status());
        assertEquals("Could not validate credentials", response.detail());
        assertEquals("Bearer", response.header("WWW-Authenticate"));
    }

    @OnEachDatabase
    void another_users_task_is_404_exactly_like_a_missing_one(TestDb db) {
        Caller alice = app(db);
        long id = create(alice, aTodo("alice's"));
        Caller bob = new Caller(alice.app(), Api.signUp(alice.app()));

        var theirs = bob.get("/todos/" + id);
        var missing = bob.get("/todos/" + (id + 1000));

        assertEquals(404, theirs.status());
        assertEquals("Todo " + id + " not found", theirs.detail());
        assertEquals("Todo " + (id + 1000) + " not found", missing.detail());
    }

    @OnEachDatabase
    void another_user_cannot_change_a_task_and_it_stays_as_it_was(TestDb db) {
        Caller alice = app(db);
        long id = create(alice, aTodo("alice's"));
        JsonNode before = alice.get("/todos/" + id).json();
        Caller bob = new Caller(alice.app(), Api.signUp(alice.app()));

        var response = bob.putJson("/todos/" + id, Map.of("title", "bob was here", "completed", true));

        assertEquals(404, response.status());
        assertEquals("Todo " + id + " not found", response.detail());
        assertEquals(before, alice.get("/todos/" + id).json());
    }

    @OnEachDatabase
    void another_user_cannot_delete_a_task_and_it_stays(TestDb db) {
        Caller alice = app(db);
        long id = create(alice, aTodo("alice's"));
        Caller bob = new Caller(alice.app(), Api.signUp(alice.app()));

        var response = bob.delete("/todos/" + id);

        assertEquals(404, response.status());
        assertEquals("Todo " + id + " not found", response.detail());
        assertEquals(200, alice.get("/todos/" + id).status());
        assertEquals(List.of("alice's"), titles(alice.get("/todos").json()));
    }

    @OnEachDatabase
    void the_list_shows_only_the_callers_own_tasks(TestDb db) {
        Caller alice = app(db);
        create(alice, aTodo("alice's"));
        Caller bob = new Caller(alice.app(), Api.signUp(alice.app()));
        create(bob, aTodo("bob's"));

        assertEquals(List.of("bob's"), titles(bob.get("/todos").json()));
        assertEquals(
                List.of("alice's"), titles(alice.get("/todos?completed=false").json()));
    }

    @OnEachDatabase
    void a_text_plain_body_is_415_and_creates_nothing(TestDb db) {
        Caller app = app(db);

        var response = app.send("POST", "/todos", "text/plain", "{\"title\": \"t\", \"memo\": \"m\", \"priority\": 1}");

        assertEquals(415, response.status());
        assertEquals("Content-Type must be application/json.", response.detail());
        assertEquals(0, app.get("/todos").json().size());
    }

    @OnEachDatabase
    void a_form_encoded_update_is_415_and_changes_nothing(TestDb db) {
        Caller app = app(db);
        long id = create(app, aTodo("t"));

        var response = app.send("PUT", "/todos/" + id, "application/x-www-form-urlencoded", "{\"title\": \"changed\"}");

        assertEquals(415, response.status());
        assertEquals("t", app.get("/todos/" + id).json().get("title").asText());
    }

    @OnEachDatabase
    void a_json_content_type_with_a_charset_is_accepted(TestDb db) {
        var response = app(db).send(
                        "POST",
                        "/todos",
                        "Application/JSON; charset=utf-8",
                        "{\"title\": \"t\", \"memo\": \"m\", \"priority\": 1}");
        assertEquals(201, response.status());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
