package api.todos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.DbSettings;
import api.db.Database;
import api.support.Fixtures;
import api.support.OnEachDatabase;
import api.support.TestDb;
import api.support.TestDbs;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

class TodoDaoTest {

    static NewTodo aTodo(String title) {
        return new NewTodo(title, "memo of " + title, 3, null, false);
    }

    private static TodoDao dao(TestDb db) {
        db.truncateAll();
        return db.jdbi().onDemand(TodoDao.class);
    }

    @OnEachDatabase
    void created_todo_reads_back_with_every_field_and_japanese_intact(TestDb db) {
        TodoDao todos = dao(db);
        long owner = Fixtures.aUser(db);
        Todo created =
                todos.create(new NewTodo("定期バックアップ設定", "設定したが動いているか確認する", 4, LocalDate.of(2030, 1, 31), false), owner);

        Todo found = todos.find(created.id(), owner).orElseThrow();
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

    @OnEachDatabase
    void a_thirty_character_japanese_title_fits_the_column(TestDb db) {
        TodoDao todos = dao(db);
        long owner = Fixtures.aUser(db);
        String title = "あ".repeat(30);
        assertEquals(
                title,
                todos.create(new NewTodo(title, "い".repeat(1000), 1, null, false), owner)
                        .title());
    }

    @OnEachDatabase
    void list_filters_by_completion_and_pages_in_id_order(TestDb db) {
        TodoDao todos = dao(db);
        long owner = Fixtures.aUser(db);
        Todo a = todos.create(aTodo("a"), owner);
        Todo b = todos.create(aTodo("b"), owner);
        Todo c = todos.create(aTodo("c"), owner);
        todos.update(b.id(), owner, new TodoUpdate(null, null, null, true, false, null));

        assertEquals(List.of(a.id(), b.id(), c.id()), ids(todos.list(owner, true, false, 10, 0)));
        assertEquals(List.of(a.id(), c.id()), ids(todos.list(owner, false, false, 10, 0)));
        assertEquals(List.of(b.id()), ids(todos.list(owner, false, true, 10, 0)));
        assertEquals(List.of(b.id()), ids(todos.list(owner, true, false, 1, 1)));
    }

    @OnEachDatabase
    void board_puts_higher_priority_then_earlier_due_date_first(TestDb db) {
        TodoDao todos = dao(db);
        long owner = Fixtures.aUser(db);
        Todo low = todos.create(new NewTodo("low", "", 5, LocalDate.of(2020, 1, 1), false), owner);
        Todo undated = todos.create(new NewTodo("undated", "", 1, null, false), owner);
        Todo later = todos.create(new NewTodo("later", "", 1, LocalDate.of(2031, 1, 1), false), owner);
        Todo sooner = todos.create(new NewTodo("sooner", "", 1, LocalDate.of(2030, 1, 1), false), owner);
        Todo done = todos.create(new NewTodo("done", "", 1, null, true), owner);

        assertEquals(List.of(sooner.id(), later.id(), undated.id(), low.id()), ids(todos.board(owner, false, 100, 0)));
        assertEquals(List.of(done.id()), ids(todos.board(owner, true, 100, 0)));
    }

    @OnEachDatabase
    void priorities_are_the_five_seeded_levels(TestDb db) {
        List<Priority> priorities = dao(db).priorities();
        assertEquals(5, priorities.size());
        assertEquals(new Priority(1, "最高 / Highest"), priorities.get(0));
    }

    @OnEachDatabase
    void update_changes_only_the_given_fields(TestDb db) {
        TodoDao todos = dao(db);
        long owner = Fixtures.aUser(db);
        Todo before = todos.create(new NewTodo("title", "memo", 3, LocalDate.of(2030, 1, 1), false), owner);

        Todo after = todos.update(before.id(), owner, new TodoUpdate(null, "新しいメモ", 1, null, false, null))
                .orElseThrow();

        assertEquals("title", after.title());
        assertEquals("新しいメモ", after.memo());
        assertEquals(1, after.priority());
        assertEquals(LocalDate.of(2030, 1, 1), after.dueDate());
        assertFalse(after.completed());
        assertTrue(after.updatedAt().compareTo(before.updatedAt()) >= 0);
    }

    @OnEachDatabase
    void update_can_clear_the_due_date_and_complete_and_reopen(TestDb db) {
        TodoDao todos = dao(db);
        long owner = Fixtures.aUser(db);
        long id = todos.create(new NewTodo("t", "m", 3, LocalDate.of(2030, 1, 1), false), owner)
                .id();

        Todo done = todos.update(id, owner, new TodoUpdate(null, null, null, true, true, null))
                .orElseThrow();
        assertNull(done.dueDate());
        assertTrue(done.completed());
        assertNotNull(done.completedAt());

        Todo reopened = todos.update(id, owner, new TodoUpdate(null, null, null, false, false, null))
                .orElseThrow();
        assertFalse(reopened.completed());
        assertNull(reopened.completedAt());
    }

    @OnEachDatabase
    void update_of_a_missing_todo_is_empty(TestDb db) {
        assertTrue(dao(db).update(999_999, 1, new TodoUpdate("x", null, null, null, false, null))
                .isEmpty());
    }

    @OnEachDatabase
    void completing_again_keeps_the_first_completion_time(TestDb db) {
        TodoDao todos = dao(db);
        long owner = Fixtures.aUser(db);
        long id = todos.create(aTodo("t"), owner).id();
        var complete = new TodoUpdate(null, null, null, true, false, null);

        Todo first = todos.update(id, owner, complete).orElseThrow();
        Todo second = todos.update(id, owner, complete).orElseThrow();
        assertEquals(first.completedAt(), second.completedAt());
    }

    @OnEachDatabase
    void deleted_todo_is_returned_as_it_was_and_then_never_seen_again(TestDb db) {
        TodoDao todos = dao(db);
        long owner = Fixtures.aUser(db);
        Todo todo = todos.create(aTodo("gone"), owner);

        assertEquals(todo, todos.delete(todo.id(), owner).orElseThrow());
        assertTrue(todos.find(todo.id(), owner).isEmpty());
        assertTrue(todos.list(owner, true, false, 10, 0).isEmpty());
        assertTrue(todos.board(owner, false, 100, 0).isEmpty());
        assertTrue(todos.delete(todo.id(), owner).isEmpty());
        assertTrue(todos.update(todo.id(), owner, new TodoUpdate("x", null, null, null, false, null))
                .isEmpty());
    }

    @OnEachDatabase
    void import_all_inserts_every_item_with_its_completion(TestDb db) {
        TodoDao todos = dao(db);
        long owner = Fixtures.aUser(db);
        int count = todos.importAll(
                List.of(aTodo("open"), new NewTodo("済み", "完了", 2, LocalDate.of(2030, 2, 3), true)), owner);

        assertEquals(2, count);
        List<Todo> all = todos.list(owner, true, false, 10, 0);
        assertEquals(List.of("open", "済み"), all.stream().map(Todo::title).toList());
        assertFalse(all.get(0).completed());
        assertTrue(all.get(1).completed());
        assertEquals(2, all.get(1).priority());
        assertEquals(LocalDate.of(2030, 2, 3), all.get(1).dueDate());
    }

    @OnEachDatabase
    void another_owners_task_is_neither_found_nor_listed(TestDb db) {
        TodoDao todos = dao(db);
        long alice = Fixtures.aUser(db);
        long bob = Fixtures.aUser(db);
        Todo hers = todos.create(aTodo("hers"), alice);

        assertTrue(todos.find(hers.id(), bob).isEmpty());
        assertTrue(todos.list(bob, true, false, 10, 0).isEmpty());
        assertEquals(List.of(hers.id()), ids(todos.list(alice, true, false, 10, 0)));
    }

    @OnEachDatabase
    void another_owner_can_neither_update_nor_delete_a_task(TestDb db) {
        TodoDao todos = dao(db);
        long alice = Fixtures.aUser(db);
        long bob = Fixtures.aUser(db);
        Todo hers = todos.create(aTodo("hers"), alice);

        assertTrue(todos.update(hers.id(), bob, new TodoUpdate("bob's now", null, null, true, false, null))
                .isEmpty());
        assertTrue(todos.delete(hers.id(), bob).isEmpty());
        assertEquals(hers, todos.find(hers.id(), alice).orElseThrow());
    }

    @OnEachDatabase
    void imported_todos_belong_to_the_given_owner_only(TestDb db) {
        TodoDao todos = dao(db);
        long alice = Fixtures.aUser(db);
        long bob = Fixtures.aUser(db);

        todos.importAll(List.of(aTodo("imported")), alice);

        assertEquals(1, todos.list(alice, true, false, 10, 0).size());
        assertTrue(todos.list(bob, true, false, 10, 0).isEmpty());
    }

    @OnEachDatabase
    void assign_unowned_gives_every_live_task_without_an_owner_to_the_user_and_counts_them(TestDb db) {
        TodoDao todos = dao(db);
        long alice = Fixtures.aUser(db);
        long bob = Fixtures.aUser(db);
        Todo bobs = todos.create(aTodo("bob's"), bob);
        anUnownedTask(db, "old one", false);
        anUnownedTask(db, "old two", false);
        anUnownedTask(db, "old and deleted", true);

        assertEquals(2, todos.assignUnowned(alice));

        assertEquals(
                List.of("old one", "old two"),
                todos.list(alice, true, false, 10, 0).stream().map(Todo::title).toList());
        assertEquals(List.of(bobs.id()), ids(todos.list(bob, true, false, 10, 0)));
        assertEquals(0, todos.assignUnowned(alice));
    }

    /** A task as the rows from before migration 012 are: no owner. */
    private static void anUnownedTask(TestDb db, String title, boolean disabled) {
        db.jdbi()
                .useHandle(h -> h.createUpdate("""
                INSERT INTO tasks (title, description, priority_id, is_disabled) VALUES (:title, '', 3, :disabled)""")
                        .bind("title", title)
                        .bind("disabled", disabled)
                        .execute());
    }

    @OnEachDatabase
    void board_pages_with_limit_and_offset_and_count_counts_the_whole_tab(TestDb db) {
        TodoDao todos = dao(db);
        long owner = Fixtures.aUser(db);
        Todo first = todos.create(new NewTodo("first", "", 1, null, false), owner);
        Todo second = todos.create(new NewTodo("second", "", 2, null, false), owner);
        Todo third = todos.create(new NewTodo("third", "", 3, null, false), owner);
        todos.create(new NewTodo("done", "", 1, null, true), owner);
        todos.create(new NewTodo("someone else's", "", 1, null, false), Fixtures.aUser(db));

        assertEquals(List.of(first.id(), second.id()), ids(todos.board(owner, false, 2, 0)));
        assertEquals(List.of(third.id()), ids(todos.board(owner, false, 2, 2)));
        assertEquals(3, todos.count(owner, false));
        assertEquals(1, todos.count(owner, true));
    }

    @OnEachDatabase
    void board_after_walks_the_board_order_chunk_by_chunk_across_ties_and_undated_tasks(TestDb db) {
        TodoDao todos = dao(db);
        long owner = Fixtures.aUser(db);
        for (int i = 0; i < 23; i++) {
            todos.create(
                    new NewTodo("t" + i, "", 1 + i % 2, i % 3 == 0 ? null : LocalDate.of(2030, 1, 1 + i % 2), false),
                    owner);
        }
        todos.create(new NewTodo("someone else's", "", 1, null, false), Fixtures.aUser(db));

        List<Long> walked = new java.util.ArrayList<>();
        BoardKey after = BoardKey.FIRST;
        List<Todo> chunk;
        do {
            chunk = todos.boardAfter(owner, false, after, 4);
            chunk.forEach(t -> walked.add(t.id()));
            if (!chunk.isEmpty()) {
                after = BoardKey.of(chunk.get(chunk.size() - 1));
            }
        } while (chunk.size() == 4);

        assertEquals(ids(todos.board(owner, false, 100, 0)), walked);
        assertEquals(23, walked.size());
    }

    /** The owner's long history of done tasks must not cost every look at the open ones. */
    @Test
    void on_mariadb_the_open_board_and_its_count_read_only_the_open_tasks() {
        DbSettings settings = TestDbs.freshMariaDbSettings("boardplan");
        try (Database database = TestDbs.connect(settings)) {
            database.migrations().upgrade();
            long examined = database.jdbi().withHandle(h -> {
                h.execute("INSERT INTO users (email, password) VALUES ('owner@example.com', 'x')");
                h.execute("""
                        INSERT INTO tasks (title, description, priority_id, completed_at, owner_id)
                        SELECT CONCAT('task ', seq), '', 1 + seq % 5, IF(seq > 20, NOW(6), NULL), 1
                        FROM seq_1_to_2000
                        """);
                h.execute("ANALYZE TABLE tasks");
                long before = rowsExamined(h);
                TodoDao todos = h.attach(TodoDao.class);
                assertEquals(20, todos.board(1, false, 100, 0).size());
                assertEquals(20, todos.count(1, false));
                return rowsExamined(h) - before;
            });

            // the two queries need the 20 open tasks each; reading the whole history would be 4,000
            assertTrue(examined <= 100, "rows examined: " + examined);
        }
    }

    /** Index rows this session read or tested, with or without index condition pushdown. */
    private static long rowsExamined(Handle h) {
        return h
                .createQuery("SHOW SESSION STATUS WHERE Variable_name IN ('Handler_read_next', 'Handler_icp_attempts')")
                .map((rs, ctx) -> rs.getLong(2))
                .stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private static List<Long> ids(List<Todo> todos) {
        return todos.stream().map(Todo::id).toList();
    }
}
