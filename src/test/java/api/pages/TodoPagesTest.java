package api.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.OnEachDatabase;
import api.support.SignedIn;
import api.support.TestApp;
import api.support.TestDb;
import api.todos.NewTodo;
import api.todos.Todo;
import api.todos.TodoDao;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;

class TodoPagesTest {
    private static final Map<String, TestApp> APPS = new HashMap<>();
    private static final Pattern CARD = Pattern.compile("data-task-id=\"(\\d+)\"");

    /** One running app per database; each test empties the tables and signs in a new user. */
    private static SignedIn signedIn(TestDb db) {
        db.truncateAll();
        return SignedIn.newUser(APPS.computeIfAbsent(db.name(), name -> TestApp.start(db)));
    }

    @AfterAll
    static void stop() {
        APPS.values().forEach(TestApp::close);
        APPS.clear();
    }

    private static TodoDao todos(TestDb db) {
        return db.jdbi().onDemand(TodoDao.class);
    }

    private static Todo aTask(TestDb db, SignedIn owner, NewTodo todo) {
        return todos(db).create(todo, owner.userId());
    }

    private static Map<String, String> form(String title, String description, String priority, String dueDate) {
        return Map.of("title", title, "description", description, "priority", priority, "due_date", dueDate);
    }

    private static List<Long> cards(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = CARD.matcher(html);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    // --- the pages, for their signed-in user ------------------------------------------------------------------

    @OnEachDatabase
    void list_shows_open_tasks_as_cards_with_priority_and_due_date(TestDb db) {
        SignedIn user = signedIn(db);
        aTask(db, user, new NewTodo("プロフィールページ作成", "分かりやすく端的に", 2, LocalDate.of(2099, 5, 6), false));

        var page = user.get("/tasks/");

        assertEquals(200, page.status());
        assertEquals(
                "text/html;charset=utf-8",
                page.header("Content-Type").toLowerCase().replace(" ", ""));
        assertTrue(page.body().contains("class=\"card h-100 shadow-sm task-card"));
        assertTrue(page.body().contains("プロフィールページ作成"));
        assertTrue(page.body().contains("分かりやすく端的に"));
        assertTrue(page.body().contains("高 / High"));
        assertTrue(page.body().contains("2099-05-06"));
        assertFalse(page.body().contains("Overdue"));
    }

    @OnEachDatabase
    void the_navbar_shows_who_is_signed_in_and_a_sign_out_button_with_the_form_token(TestDb db) {
        SignedIn user = signedIn(db);

        String page = user.get("/tasks/").body();

        assertTrue(page.contains("<i class=\"bi bi-person-circle\"></i> " + user.email() + "</span>"), page);
        assertTrue(page.contains("<form method=\"post\" action=\"/tasks/logout\">"));
        assertTrue(page.contains("name=\"csrf\" value=\"" + user.csrf() + "\""));
    }

    @OnEachDatabase
    void a_page_is_never_kept_by_a_cache(TestDb db) {
        assertEquals("no-store", signedIn(db).get("/tasks/").header("Cache-Control"));
    }

    @OnEachDatabase
    void list_without_the_trailing_slash_is_the_same_page(TestDb db) {
        assertEquals(200, signedIn(db).get("/tasks").status());
    }

    @OnEachDatabase
    void a_task_past_its_due_date_is_marked_overdue(TestDb db) {
        SignedIn user = signedIn(db);
        aTask(db, user, new NewTodo("late", "", 3, LocalDate.now(ZoneOffset.UTC).minusDays(1), false));
        assertTrue(user.get("/tasks/").body().contains("Overdue"));
    }

    @OnEachDatabase
    void completed_tasks_are_on_their_own_tab_only(TestDb db) {
        SignedIn user = signedIn(db);
        aTask(db, user, new NewTodo("まだ", "", 3, null, false));
        aTask(db, user, new NewTodo("終わった", "", 3, null, true));

        String open = user.get("/tasks/").body();
        String done = user.get("/tasks/?completed=true").body();
        assertTrue(open.contains("まだ"));
        assertFalse(open.contains("終わった"));
        assertTrue(done.contains("終わった"));
        assertFalse(done.contains("まだ"));
    }

    @OnEachDatabase
    void a_script_title_is_shown_as_text_on_the_list(TestDb db) {
        SignedIn user = signedIn(db);
        aTask(db, user, new NewTodo("<script>alert(1)</script>", "<b>bold</b>", 3, null, false));

        String body = user.get("/tasks/").body();

        assertFalse(body.contains("<script>alert(1)"));
        assertTrue(body.contains(">&lt;script&gt;alert(1)&lt;/script&gt;</a>"));
        assertTrue(body.contains("&lt;b&gt;bold&lt;/b&gt;"));
    }

    @OnEachDatabase
    void a_script_title_stays_inside_the_input_value_on_the_edit_page(TestDb db) {
        SignedIn user = signedIn(db);
        Todo todo = aTask(db, user, new NewTodo("<script>\"x", "</textarea><b>", 3, null, false));

        String body = user.get("/tasks/" + todo.id()).body();

        assertTrue(body.contains("value=\"&lt;script>&#34;x\""));
        assertTrue(body.contains(">&lt;/textarea&gt;&lt;b&gt;</textarea>"));
    }

    @OnEachDatabase
    void page_assets_come_from_webjars_and_are_served(TestDb db) {
        SignedIn user = signedIn(db);
        String page = user.get("/tasks/").body();
        Matcher assets = Pattern.compile("(?:href|src)=\"(/webjars/[^\"]+)\"").matcher(page);
        int count = 0;
        while (assets.find()) {
            assertEquals(200, user.app().get(assets.group(1)).status(), assets.group(1));
            count++;
        }
        assertEquals(3, count);
        assertFalse(page.contains("cdn"));
    }

    @OnEachDatabase
    void new_form_offers_every_priority(TestDb db) {
        var page = signedIn(db).get("/tasks/new");
        assertEquals(200, page.status());
        for (String name : List.of("最高 / Highest", "高 / High", "中 / Medium", "低 / Low", "最低 / Lowest")) {
            assertTrue(page.body().contains(name), name);
        }
        assertTrue(page.body().contains("<option value=\"3\" selected>"));
    }

    @OnEachDatabase
    void posting_the_new_form_stores_the_japanese_task_as_the_users_and_redirects_with_303(TestDb db) {
        SignedIn user = signedIn(db);
        var response = user.post("/tasks/new", form("定期バックアップ設定", "設定したが動いているか確認する", "4", "2099-01-02"));

        assertEquals(303, response.status());
        assertEquals("/tasks/", response.header("Location"));
        Todo stored = todos(db).list(user.userId(), true, false, 10, 0).get(0);
        assertEquals("定期バックアップ設定", stored.title());
        assertEquals("設定したが動いているか確認する", stored.memo());
        assertEquals(4, stored.priority());
        assertEquals(LocalDate.of(2099, 1, 2), stored.dueDate());
        assertTrue(user.get("/tasks/").body().contains("定期バックアップ設定"));
    }

    @OnEachDatabase
    void invalid_new_form_is_400_with_the_values_kept_and_a_message_per_field(TestDb db) {
        SignedIn user = signedIn(db);
        var response = user.post("/tasks/new", form("あ".repeat(31), "メモは残る", "9", "2024-02-30"));

        assertEquals(400, response.status());
        String body = response.body();
        assertTrue(body.contains("value=\"" + "あ".repeat(31) + "\""));
        assertTrue(body.contains(">メモは残る</textarea>"));
        assertTrue(body.contains("value=\"2024-02-30\""));
        assertTrue(body.contains("The title can be at most 30 characters."));
        assertTrue(body.contains("Choose a priority."));
        assertTrue(body.contains("Enter the due date as YYYY-MM-DD."));
        assertTrue(todos(db).list(user.userId(), true, false, 10, 0).isEmpty());
    }

    @OnEachDatabase
    void new_form_without_a_title_is_400_asking_for_one(TestDb db) {
        var response = signedIn(db).post("/tasks/new", form("  ", "", "3", ""));
        assertEquals(400, response.status());
        assertTrue(response.body().contains("Enter a title."));
        assertTrue(response.body().contains("<option value=\"3\" selected>"));
    }

    @OnEachDatabase
    void edit_page_shows_the_task_in_the_form(TestDb db) {
        SignedIn user = signedIn(db);
        Todo todo = aTask(db, user, new NewTodo("編集する", "説明", 1, LocalDate.of(2099, 3, 4), false));

        var page = user.get("/tasks/" + todo.id());

        assertEquals(200, page.status());
        assertTrue(page.body().contains("value=\"編集する\""));
        assertTrue(page.body().contains(">説明</textarea>"));
        assertTrue(page.body().contains("<option value=\"1\" selected>"));
        assertTrue(page.body().contains("value=\"2099-03-04\""));
    }

    @OnEachDatabase
    void saving_the_edit_form_updates_the_task_and_redirects(TestDb db) {
        SignedIn user = signedIn(db);
        Todo todo = aTask(db, user, new NewTodo("before", "old", 1, LocalDate.of(2099, 3, 4), false));

        var response = user.post("/tasks/" + todo.id(), form("後で", "新しい説明", "5", ""));

        assertEquals(303, response.status());
        Todo saved = todos(db).find(todo.id(), user.userId()).orElseThrow();
        assertEquals("後で", saved.title());
        assertEquals("新しい説明", saved.memo());
        assertEquals(5, saved.priority());
        assertNull(saved.dueDate());
    }

    @OnEachDatabase
    void invalid_edit_is_400_and_changes_nothing(TestDb db) {
        SignedIn user = signedIn(db);
        Todo todo = aTask(db, user, new NewTodo("before", "old", 1, null, false));

        var response = user.post("/tasks/" + todo.id(), form("", "new", "1", ""));

        assertEquals(400, response.status());
        assertTrue(response.body().contains(">new</textarea>"));
        assertEquals(
                "before", todos(db).find(todo.id(), user.userId()).orElseThrow().title());
    }

    @OnEachDatabase
    void unknown_task_pages_are_404(TestDb db) {
        SignedIn user = signedIn(db);
        assertEquals(404, user.get("/tasks/424242").status());
        assertEquals(404, user.get("/tasks/abc").status());
        assertEquals(404, user.post("/tasks/424242", form("t", "", "1", "")).status());
        assertEquals(404, user.post("/tasks/424242/completed", Map.of()).status());
        assertEquals(404, user.post("/tasks/424242/deleted", Map.of()).status());
        assertTrue(user.get("/tasks/424242").body().contains("Task 424242 not found"));
    }

    @OnEachDatabase
    void completing_a_task_redirects_to_the_list_and_moves_it_to_completed(TestDb db) {
        SignedIn user = signedIn(db);
        Todo todo = aTask(db, user, new NewTodo("完了する", "", 3, null, false));

        var response = user.post("/tasks/" + todo.id() + "/completed", Map.of());

        assertEquals(303, response.status());
        assertEquals("/tasks/", response.header("Location"));
        assertTrue(todos(db).find(todo.id(), user.userId()).orElseThrow().completed());
        assertFalse(user.get("/tasks/").body().contains("完了する"));
        assertTrue(user.get("/tasks/?completed=true").body().contains("完了する"));
    }

    @OnEachDatabase
    void deleting_a_task_redirects_and_hides_it_everywhere(TestDb db) {
        SignedIn user = signedIn(db);
        Todo todo = aTask(db, user, new NewTodo("消える", "", 3, null, false));

        var response = user.post("/tasks/" + todo.id() + "/deleted", Map.of());

        assertEquals(303, response.status());
        assertFalse(user.get("/tasks/").body().contains("消える"));
        assertEquals(404, user.get("/tasks/" + todo.id()).status());
        assertFalse(user.get("/tasks/download/todo").body().contains("消える"));
    }

    @OnEachDatabase
    void state_changes_are_not_reachable_with_get(TestDb db) {
        SignedIn user = signedIn(db);
        Todo todo = aTask(db, user, new NewTodo("t", "", 3, null, false));

        assertEquals(405, user.get("/tasks/" + todo.id() + "/completed").status());
        assertEquals(405, user.get("/tasks/" + todo.id() + "/deleted").status());
        assertFalse(todos(db).find(todo.id(), user.userId()).orElseThrow().completed());
    }

    // --- paging ---------------------------------------------------------------------------------------------------

    private static void manyTasks(TestDb db, SignedIn user, int howMany) {
        todos(db)
                .importAll(
                        IntStream.range(0, howMany)
                                .mapToObj(i -> new NewTodo(String.format("task %04d", i), "", 3, null, false))
                                .toList(),
                        user.userId());
    }

    @OnEachDatabase
    void the_list_shows_at_most_100_cards_and_a_link_to_the_next_page(TestDb db) {
        SignedIn user = signedIn(db);
        manyTasks(db, user, 105);

        String page = user.get("/tasks/").body();

        assertEquals(100, cards(page).size());
        assertTrue(page.contains("rel=\"next\" href=\"/tasks/?page=2\""), page);
        assertFalse(page.contains("rel=\"prev\""));
        assertTrue(page.contains("105 tasks, page 1 of 2"));
    }

    @OnEachDatabase
    void the_next_page_holds_the_rest_and_links_back(TestDb db) {
        SignedIn user = signedIn(db);
        manyTasks(db, user, 105);

        String first = user.get("/tasks/").body();
        String second = user.get("/tasks/?page=2").body();

        assertEquals(5, cards(second).size());
        assertTrue(cards(second).stream().noneMatch(cards(first)::contains));
        assertTrue(second.contains("rel=\"prev\" href=\"/tasks/?page=1\""));
        assertFalse(second.contains("rel=\"next\""));
    }

    @OnEachDatabase
    void the_completed_tab_pages_too_and_its_links_keep_the_tab(TestDb db) {
        SignedIn user = signedIn(db);
        todos(db)
                .importAll(
                        IntStream.range(0, 101)
                                .mapToObj(i -> new NewTodo("done " + i, "", 3, null, true))
                                .toList(),
                        user.userId());

        String page = user.get("/tasks/?completed=true").body();

        assertEquals(100, cards(page).size());
        assertTrue(page.contains("rel=\"next\" href=\"/tasks/?completed=true&amp;page=2\""), page);
    }

    @OnEachDatabase
    void a_page_number_that_is_not_one_is_the_first_page_and_one_past_the_end_the_last(TestDb db) {
        SignedIn user = signedIn(db);
        manyTasks(db, user, 105);
        List<Long> first = cards(user.get("/tasks/").body());
        List<Long> last = cards(user.get("/tasks/?page=2").body());

        for (String bad : List.of("abc", "0", "-3", "", "1.5", "%00", "99999999999999999999")) {
            var page = user.get("/tasks/?page=" + bad);
            assertEquals(200, page.status(), bad);
            assertEquals(first, cards(page.body()), bad);
        }
        for (String past : List.of("3", "2147483647")) {
            assertEquals(last, cards(user.get("/tasks/?page=" + past).body()), past);
        }
    }

    // --- CSV ------------------------------------------------------------------------------------------------------

    @OnEachDatabase
    void open_tasks_csv_is_a_dated_utf8_attachment_with_bom_and_header(TestDb db) {
        SignedIn user = signedIn(db);
        aTask(db, user, new NewTodo("プロフィールページ作成", "分かりやすく端的に、且つ、魅力的に", 3, LocalDate.of(2099, 1, 2), false));

        var csv = user.get("/tasks/download/todo");

        assertEquals(200, csv.status());
        assertEquals(
                "text/csv;charset=utf-8",
                csv.header("Content-Type").toLowerCase().replace(" ", ""));
        assertEquals(
                "attachment; filename=\"todo-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"",
                csv.header("Content-Disposition"));
        assertTrue(csv.body().startsWith("\uFEFFid,title,description,priority,due_date,created_at,completed_at\r\n"));
        String row = csv.body().split("\r\n")[1];
        assertTrue(
                row.matches("\"\\d+\",\"プロフィールページ作成\",\"分かりやすく端的に、且つ、魅力的に\",\"中 / Medium\",\"2099-01-02\","
                        + "\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\",\"\""),
                row);
    }

    @OnEachDatabase
    void completed_csv_lists_only_completed_tasks_with_completion_time(TestDb db) {
        SignedIn user = signedIn(db);
        aTask(db, user, new NewTodo("open", "", 3, null, false));
        aTask(db, user, new NewTodo("済み", "", 1, null, true));

        var csv = user.get("/tasks/download/completed");

        assertEquals(
                "attachment; filename=\"completed-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"",
                csv.header("Content-Disposition"));
        String[] lines = csv.body().split("\r\n");
        assertEquals(2, lines.length);
        assertTrue(
                lines[1].matches("\"\\d+\",\"済み\",\"\",\"最高 / Highest\",\"\",\"[0-9: -]{19}\",\"[0-9: -]{19}\""),
                lines[1]);
        assertFalse(csv.body().contains("open"));
    }

    @OnEachDatabase
    void csv_quotes_commas_quotes_and_line_breaks(TestDb db) {
        SignedIn user = signedIn(db);
        aTask(db, user, new NewTodo("a, \"b\"", "line 1\nline 2", 3, null, false));

        String body = user.get("/tasks/download/todo").body();

        assertTrue(body.contains(",\"a, \"\"b\"\"\",\"line 1\nline 2\",\"中 / Medium\","), body);
    }

    @OnEachDatabase
    void a_formula_hidden_behind_a_space_reaches_the_csv_as_text(TestDb db) {
        SignedIn user = signedIn(db);
        aTask(db, user, new NewTodo(" =HYPERLINK(\"http://x.y\")", "\t=1+1", 3, null, false));

        String row = user.get("/tasks/download/todo").body().split("\r\n")[1];

        assertTrue(row.contains(",\"' =HYPERLINK(\"\"http://x.y\"\")\",\"'\t=1+1\","), row);
    }

    @OnEachDatabase
    void a_csv_longer_than_a_chunk_has_every_task_once_most_urgent_first(TestDb db) {
        SignedIn user = signedIn(db);
        List<NewTodo> tasks = new ArrayList<>();
        for (int i = 0; i < TodoCsv.CHUNK * 2 + 7; i++) {
            // ties on priority and date, and undated ones, at every chunk boundary
            tasks.add(new NewTodo("t" + i, "", 1 + i % 5, i % 3 == 0 ? null : LocalDate.of(2030, 1, 1 + i % 2), false));
        }
        todos(db).importAll(tasks, user.userId());

        String[] lines = user.get("/tasks/download/todo").body().split("\r\n");

        List<Long> ids = Stream.of(lines)
                .skip(1)
                .map(line -> Long.parseLong(line.substring(1, line.indexOf("\","))))
                .toList();
        List<Long> expected = todos(db).board(user.userId(), false, tasks.size() + 1, 0).stream()
                .map(Todo::id)
                .toList();
        assertEquals(tasks.size(), ids.size());
        assertEquals(expected, ids);
    }
}
