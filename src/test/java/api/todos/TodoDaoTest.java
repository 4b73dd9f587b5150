package api.todos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.TestDb;
import api.support.TestDbs;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TodoDaoTest {

    static Stream<TestDb> databases() {
        return TestDbs.all();
    }

    static NewTodo aTodo(String title) {
        return new NewTodo(title, "memo of " + title, 3, null, false);
    }

    private static TodoDao dao(TestDb db) {
        db.truncateAll();
        return db.jdbi().onDemand(TodoDao.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void created_todo_reads_back_with_every_field_and_japanese_intact(TestDb db) {
        TodoDao todos = dao(db);
        Todo created = todos.create(new NewTodo("定期バックアップ設定", "設定したが動いているか確認する", 4, LocalDate.of(2030, 1, 31), false));

        Todo found = todos.find(created.id()).orElseThrow();
        assertEquals(created, found);
        assertEquals("定期バックアップ設定", found.title());
        assertEquals("設定したが動いているか確認する", found.memo());
        assertEquals(4, found.priority());
        assertEquals("低 / Low", found.priorityName());
        assertEquals(LocalDate.of(2030, 1, 31), found.dueDate());
        assertFalse(found.completed());
        assertNull(found.completedAt());
        assertNotNull(found.createdAt());
        assertEquals(found.createdAt(), found.updatedAt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_thirty_character_japanese_title_fits_the_column(TestDb db) {
        TodoDao todos = dao(db);
        String title = "あ".repeat(30);
        assertEquals(title, todos.create(new NewTodo(title, "い".repeat(1000), 1, null, false)).title());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void list_filters_by_completion_and_pages_in_id_order(TestDb db) {
        TodoDao todos = dao(db);
        Todo a = todos.create(aTodo("a"));
        Todo b = todos.create(aTodo("b"));
        Todo c = todos.create(aTodo("c"));
        todos.update(b.id(), new TodoUpdate(null, null, null, true, false, null));

        assertEquals(List.of(a.id(), b.id(), c.id()), ids(todos.list(true, false, 10, 0)));
        assertEquals(List.of(a.id(), c.id()), ids(todos.list(false, false, 10, 0)));
        assertEquals(List.of(b.id()), ids(todos.list(false, true, 10, 0)));
        assertEquals(List.of(b.id()), ids(todos.list(true, false, 1, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void board_puts_higher_priority_then_earlier_due_date_first(TestDb db) {
        TodoDao todos = dao(db);
        Todo low = todos.create(new NewTodo("low", "", 5, LocalDate.of(2020, 1, 1), false));
        Todo undated = todos.create(new NewTodo("undated", "", 1, null, false));
        Todo later = todos.create(new NewTodo("later", "", 1, LocalDate.of(2031, 1, 1), false));
        Todo sooner = todos.create(new NewTodo("sooner", "", 1, LocalDate.of(2030, 1, 1), false));
        Todo done = todos.create(new NewTodo("done", "", 1, null, true));

        assertEquals(List.of(sooner.id(), later.id(), undated.id(), low.id()), ids(todos.board(false)));
        assertEquals(List.of(done.id()), ids(todos.board(true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void priorities_are_the_five_seeded_levels(TestDb db) {
        List<Priority> priorities = dao(db).priorities();
        assertEquals(5, priorities.size());
        assertEquals(new Priority(1, "最高 / Highest"), priorities.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void update_changes_only_the_given_fields(TestDb db) {
        TodoDao todos = dao(db);
        Todo before = todos.create(new NewTodo("title", "memo", 3, LocalDate.of(2030, 1, 1), false));

        Todo after = todos.update(before.id(), new TodoUpdate(null, "新しいメモ", 1, null, false, null)).orElseThrow();

        assertEquals("title", after.title());
        assertEquals("新しいメモ", after.memo());
        assertEquals(1, after.priority());
        assertEquals(LocalDate.of(2030, 1, 1), after.dueDate());
        assertFalse(after.completed());
        assertTrue(after.updatedAt().compareTo(before.updatedAt()) >= 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void update_can_clear_the_due_date_and_complete_and_reopen(TestDb db) {
        TodoDao todos = dao(db);
        long id = todos.create(new NewTodo("t", "m", 3, LocalDate.of(2030, 1, 1), false)).id();

        Todo done = todos.update(id, new TodoUpdate(null, null, null, true, true, null)).orElseThrow();
        assertNull(done.dueDate());
        assertTrue(done.completed());
        assertNotNull(done.completedAt());

        Todo reopened = todos.update(id, new TodoUpdate(null, null, null, false, false, null)).orElseThrow();
        assertFalse(reopened.completed());
        assertNull(reopened.completedAt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void update_of_a_missing_todo_is_empty(TestDb db) {
        assertTrue(dao(db).update(999_999, new TodoUpdate("x", null, null, null, false, null)).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void completing_again_keeps_the_first_completion_time(TestDb db) {
        TodoDao todos = dao(db);
        long id = todos.create(aTodo("t")).id();
        var complete = new TodoUpdate(null, null, null, true, false, null);

        Todo first = todos.update(id, complete).orElseThrow();
        Todo second = todos.update(id, complete).orElseThrow();
        assertEquals(first.completedAt(), second.completedAt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void deleted_todo_is_returned_as_it_was_and_then_never_seen_again(TestDb db) {
        TodoDao todos = dao(db);
        Todo todo = todos.create(aTodo("gone"));

        assertEquals(todo, todos.delete(todo.id()).orElseThrow());
        assertTrue(todos.find(todo.id()).isEmpty());
        assertTrue(todos.list(true, false, 10, 0).isEmpty());
        assertTrue(todos.board(false).isEmpty());
        assertTrue(todos.delete(todo.id()).isEmpty());
        assertTrue(todos.update(todo.id(), new TodoUpdate("x", null, null, null, false, null)).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void import_all_inserts_every_item_with_its_completion(TestDb db) {
        TodoDao todos = dao(db);
        int count = todos.importAll(List.of(aTodo("open"), new NewTodo("済み", "完了", 2, LocalDate.of(2030, 2, 3), true)));

        assertEquals(2, count);
        List<Todo> all = todos.list(true, false, 10, 0);
        assertEquals(List.of("open", "済み"), all.stream().map(Todo::title).toList());
        assertFalse(all.get(0).completed());
        assertTrue(all.get(1).completed());
        assertEquals(2, all.get(1).priority());
        assertEquals(LocalDate.of(2030, 2, 3), all.get(1).dueDate());
    }

    private static List<Long> ids(List<Todo> todos) {
        return todos.stream().map(Todo::id).toList();
    }
}
