package api.todos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Fixtures;
import api.support.OnEachDatabase;
import api.support.TestDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TodoImportTest {
    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        Path file = dir.resolve("todos.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private static TodoDao todos(TestDb db) {
        db.truncateAll();
        return db.jdbi().onDemand(TodoDao.class);
    }

    @OnEachDatabase
    void shipped_seed_file_imports_the_three_japanese_todos(TestDb db) throws Exception {
        TodoDao todos = todos(db);
        long owner = Fixtures.aUser(db);

        assertEquals(3, new TodoImport(todos).run(Path.of("config/seed/todos.json"), owner));

        List<Todo> all = todos.list(owner, true, false, 10, 0);
        assertEquals(
                List.of("プロフィールページ作成", "サイドメニューのカスタマイズ", "リスト(Li)カスタマイズ"),
                all.stream().map(Todo::title).toList());
        assertEquals("分かりやすく端的に、且つ、魅力的に", all.get(0).memo());
        assertEquals(List.of(3, 2, 3), all.stream().map(Todo::priority).toList());
        assertTrue(all.stream().noneMatch(Todo::completed));
    }

    @OnEachDatabase
    void plain_json_array_imports_with_due_dates_and_completion(TestDb db) throws Exception {
        TodoDao todos = todos(db);
        long owner = Fixtures.aUser(db);
        Path file = file("""
                [{"id": "x1", "title": "定期バックアップ設定", "memo": "設定したが動いているか確認する", "priority": 4, "due_date": "2030-04-05"},
                 {"title": "済んだこと", "memo": "", "priority": 1, "completed": true}]
                """);

        assertEquals(2, new TodoImport(todos).run(file, owner));

        List<Todo> all = todos.list(owner, true, false, 10, 0);
        assertEquals("定期バックアップ設定", all.get(0).title());
        assertEquals(LocalDate.of(2030, 4, 5), all.get(0).dueDate());
        assertFalse(all.get(0).completed());
        assertTrue(all.get(1).completed());
    }

    @OnEachDatabase
    void a_bad_item_imports_nothing_and_is_named(TestDb db) throws Exception {
        TodoDao todos = todos(db);
        long owner = Fixtures.aUser(db);
        Path file = file("""
                {"Todos": [
                  {"PutRequest": {"Item": {"id": {"S": "L5"}, "title": {"S": "良い"}, "memo": {"S": "m"}, "priority": {"N": "3"}}}},
                  {"PutRequest": {"Item": {"id": {"S": "L6"}, "title": {"S": "悪い"}, "memo": {"S": "m"}}}}
                ]}
                """);

        var failure = assertThrows(TodoImport.Failure.class, () -> new TodoImport(todos).run(file, owner));

        assertEquals("item 2 (id \"L6\"): priority is required.", failure.getMessage());
        assertTrue(todos.list(owner, true, false, 10, 0).isEmpty());
    }

    @OnEachDatabase
    void a_title_too_long_for_the_column_imports_nothing(TestDb db) throws Exception {
        TodoDao todos = todos(db);
        long owner = Fixtures.aUser(db);
        Path file = file("[{\"title\": \"ok\", \"memo\": \"\", \"priority\": 1}, {\"title\": \"" + "長".repeat(31)
                + "\", \"memo\": \"\", \"priority\": 1}]");

        var failure = assertThrows(TodoImport.Failure.class, () -> new TodoImport(todos).run(file, owner));

        assertEquals("item 2: title must be at most 30 characters.", failure.getMessage());
        assertTrue(todos.list(owner, true, false, 10, 0).isEmpty());
    }

    @Test
    void malformed_json_is_reported_with_its_position() {
        var failure = assertThrows(TodoImport.Failure.class, () -> TodoImport.parse("[{\"title\": \"a\",\n ]"));
        assertTrue(failure.getMessage().startsWith("not valid JSON: "), failure.getMessage());
        assertTrue(failure.getMessage().contains("line 2"), failure.getMessage());
    }

    @Test
    void a_json_object_that_is_not_a_batch_write_request_is_refused() {
        var failure = assertThrows(TodoImport.Failure.class, () -> TodoImport.parse("{\"Todos\": {\"title\": \"x\"}}"));
        assertEquals("\"Todos\" must be an array of {\"PutRequest\": {\"Item\": {...}}}", failure.getMessage());
    }

    @Test
    void a_scalar_file_is_refused() {
        var failure = assertThrows(TodoImport.Failure.class, () -> TodoImport.parse("42"));
        assertTrue(failure.getMessage().startsWith("expected a JSON array of todos or a batch-write-item request"));
    }

    @Test
    void a_write_request_without_put_request_is_named() {
        var failure = assertThrows(
                TodoImport.Failure.class, () -> TodoImport.parse("{\"Todos\": [{\"DeleteRequest\": {}}]}"));
        assertEquals("item 1: expected {\"PutRequest\": {\"Item\": {...}}}", failure.getMessage());
    }

    @Test
    void an_untyped_dynamodb_attribute_is_named() {
        var failure = assertThrows(
                TodoImport.Failure.class,
                () -> TodoImport.parse("{\"Todos\": [{\"PutRequest\": {\"Item\": {\"title\": \"plain\"}}}]}"));
        assertEquals(
                "item 1: attribute title must be a typed value such as {\"S\": \"...\"}, {\"N\": \"3\"} or {\"BOOL\": false}",
                failure.getMessage());
    }

    @Test
    void a_non_numeric_n_attribute_is_named() {
        var failure = assertThrows(
                TodoImport.Failure.class,
                () -> TodoImport.parse("{\"T\": [{\"PutRequest\": {\"Item\": {\"priority\": {\"N\": \"high\"}}}}]}"));
        assertEquals("item 1: attribute priority: \"high\" is not a number", failure.getMessage());
    }

    @Test
    void dynamodb_typed_attributes_become_a_todo() throws Exception {
        List<NewTodo> items = TodoImport.parse("""
                {"Todos": [{"PutRequest": {"Item": {"title": {"S": "t"}, "memo": {"S": "m"}, "priority": {"N": "2"},
                 "completed": {"BOOL": true}, "due_date": {"NULL": true}}}}]}
                """);
        assertEquals(List.of(new NewTodo("t", "m", 2, null, true)), items);
    }

    @Test
    void a_non_boolean_completed_is_named() {
        var failure = assertThrows(
                TodoImport.Failure.class,
                () -> TodoImport.parse(
                        "[{\"title\": \"t\", \"memo\": \"m\", \"priority\": 1, \"completed\": \"no\"}]"));
        assertEquals("item 1: completed must be true or false.", failure.getMessage());
    }

    @Test
    void a_utf8_byte_order_mark_is_accepted() throws Exception {
        assertEquals(
                1,
                TodoImport.parse("\uFEFF[{\"title\": \"t\", \"memo\": \"m\", \"priority\": 1}]")
                        .size());
    }
}
