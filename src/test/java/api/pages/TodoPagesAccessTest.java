package api.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.OnEachDatabase;
import api.support.SignedIn;
import api.support.TestApp;
import api.support.TestDb;
import api.todos.NewTodo;
import api.todos.Todo;
import api.todos.TodoDao;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** The attacks the sign-in, the owner rule and the form tokens stop on the task pages, over real HTTP. */
class TodoPagesAccessTest {
    private static final Map<String, TestApp> APPS = new HashMap<>();
    private static final Map<String, String> A_FORM =
            Map.of("title", "forged", "description", "", "priority", "1", "due_date", "");

    private static TestApp app(TestDb db) {
        db.truncateAll();
        return APPS.computeIfAbsent(db.name(), name -> TestApp.start(db));
    }

    @AfterAll
    static void stop() {
        APPS.values().forEach(TestApp::close);
        APPS.clear();
    }

    private static TodoDao todos(TestDb db) {
        return db.jdbi().onDemand(TodoDao.class);
    }

    private static Todo aTask(TestDb db, SignedIn owner, String title) {
        return todos(db).create(new NewTodo(title, "memo", 3, null, false), owner.userId());
    }

    private static int taskCount(TestDb db) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM tasks")
                        .mapTo(Integer.class)
                        .one());
    }

    private static void assertToSignIn(TestApp.Response response) {
        assertEquals(303, response.status(), response.raw().request().toString());
        assertEquals("/tasks/login", response.header("Location"));
    }

    // --- no session -----------------------------------------------------------------------------------------------

    @OnEachDatabase
    void every_task_page_without_a_session_is_303_to_the_sign_in_page(TestDb db) {
        TestApp app = app(db);
        SignedIn owner = SignedIn.newUser(app);
        long id = aTask(db, owner, "mine").id();

        for (String path : List.of(
                "/tasks/",
                "/tasks",
                "/tasks/?completed=true",
                "/tasks/new",
                "/tasks/" + id,
                "/tasks/download/todo",
                "/tasks/download/completed")) {
            assertToSignIn(app.get(path));
        }
    }

    @OnEachDatabase
    void a_form_post_without_a_session_is_303_and_changes_nothing(TestDb db) {
        TestApp app = app(db);
        SignedIn owner = SignedIn.newUser(app);
        Todo task = aTask(db, owner, "mine");

        for (String path : List.of(
                "/tasks/new",
                "/tasks/" + task.id(),
                "/tasks/" + task.id() + "/completed",
                "/tasks/" + task.id() + "/deleted",
                "/tasks/logout")) {
            assertToSignIn(app.postForm(path, Map.of("title", "x", "priority", "1", "csrf", owner.csrf())));
        }
        assertEquals(1, taskCount(db));
        assertEquals(task, todos(db).find(task.id(), owner.userId()).orElseThrow());
    }

    @OnEachDatabase
    void an_unknown_session_cookie_is_303_and_the_browser_is_told_to_forget_it(TestDb db) {
        var response = app(db).get("/tasks/", "Cookie", "session=" + "A".repeat(43));

        assertToSignIn(response);
        assertEquals("session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax", SignedIn.setCookie(response, "session"));
    }

    @OnEachDatabase
    void an_expired_session_is_303_to_the_sign_in_page(TestDb db) {
        SignedIn user = SignedIn.newUser(app(db));
        db.jdbi().useHandle(h -> h.execute("UPDATE sessions SET expires_at = created_at"));

        assertToSignIn(user.get("/tasks/"));
    }

    // --- another user's tasks -------------------------------------------------------------------------------------

    @OnEachDatabase
    void another_users_task_page_is_404_exactly_like_a_missing_one(TestDb db) {
        TestApp app = app(db);
        Todo alices = aTask(db, SignedIn.newUser(app), "alice's secret");
        SignedIn bob = SignedIn.newUser(app);

        var theirs = bob.get("/tasks/" + alices.id());

        assertEquals(404, theirs.status());
        assertTrue(theirs.body().contains("Task " + alices.id() + " not found"));
        assertFalse(theirs.body().contains("alice's secret"));
    }

    @OnEachDatabase
    void another_user_cannot_complete_a_task_through_the_pages(TestDb db) {
        TestApp app = app(db);
        SignedIn alice = SignedIn.newUser(app);
        Todo task = aTask(db, alice, "alice's");

        var response = SignedIn.newUser(app).post("/tasks/" + task.id() + "/completed", Map.of());

        assertEquals(404, response.status());
        assertEquals(task, todos(db).find(task.id(), alice.userId()).orElseThrow());
    }

    @OnEachDatabase
    void another_user_cannot_delete_a_task_through_the_pages(TestDb db) {
        TestApp app = app(db);
        SignedIn alice = SignedIn.newUser(app);
        Todo task = aTask(db, alice, "alice's");

        var response = SignedIn.newUser(app).post("/tasks/" + task.id() + "/deleted", Map.of());

        assertEquals(404, response.status());
        assertEquals(task, todos(db).find(task.id(), alice.userId()).orElseThrow());
    }

    @OnEachDatabase
    void another_user_cannot_save_over_a_task_through_the_pages(TestDb db) {
        TestApp app = app(db);
        SignedIn alice = SignedIn.newUser(app);
        Todo task = aTask(db, alice, "alice's");

        var response = SignedIn.newUser(app).post("/tasks/" + task.id(), A_FORM);

        assertEquals(404, response.status());
        assertEquals(task, todos(db).find(task.id(), alice.userId()).orElseThrow());
    }

    @OnEachDatabase
    void the_list_shows_only_the_signed_in_users_tasks(TestDb db) {
        TestApp app = app(db);
        SignedIn alice = SignedIn.newUser(app);
        SignedIn bob = SignedIn.newUser(app);
        aTask(db, alice, "alice's");
        aTask(db, bob, "bob's");

        String page = bob.get("/tasks/").body();

        assertTrue(page.contains("bob's"));
        assertFalse(page.contains("alice's"));
    }

    @OnEachDatabase
    void the_csv_of_one_user_has_none_of_another_users_tasks(TestDb db) {
        TestApp app = app(db);
        SignedIn alice = SignedIn.newUser(app);
        SignedIn bob = SignedIn.newUser(app);
        aTask(db, alice, "alice's open");
        aTask(db, bob, "bob's open");
        todos(db).create(new NewTodo("bob's done", "", 3, null, true), bob.userId());

        String open = alice.get("/tasks/download/todo").body();
        String completed = alice.get("/tasks/download/completed").body();

        assertTrue(open.contains("alice's open"));
        assertFalse(open.contains("bob's"));
        assertEquals(1, completed.split("\r\n").length, completed);
    }

    // --- forged forms ---------------------------------------------------------------------------------------------

    @OnEachDatabase
    void a_cross_site_form_post_with_the_victims_cookie_is_403_and_creates_nothing(TestDb db) {
        SignedIn victim = SignedIn.newUser(app(db));

        for (String origin : List.of("https://evil.example", "null", "http://127.0.0.1.evil.example")) {
            Map<String, String> form = new HashMap<>(A_FORM);
            form.put("csrf", victim.csrf()); // even a leaked token does not help another site
            var response = victim.postAsIs("/tasks/new", form, "Origin", origin);

            assertEquals(403, response.status(), origin);
        }
        assertEquals(0, taskCount(db));
    }

    @OnEachDatabase
    void a_post_the_browser_marks_cross_site_is_403_and_completes_nothing(TestDb db) {
        SignedIn victim = SignedIn.newUser(app(db));
        Todo task = aTask(db, victim, "victim's");

        var response = victim.postAsIs(
                "/tasks/" + task.id() + "/completed", Map.of("csrf", victim.csrf()), "Sec-Fetch-Site", "cross-site");

        assertEquals(403, response.status());
        assertFalse(todos(db).find(task.id(), victim.userId()).orElseThrow().completed());
    }

    @OnEachDatabase
    void a_form_post_without_the_token_is_403_and_deletes_nothing(TestDb db) {
        SignedIn victim = SignedIn.newUser(app(db));
        Todo task = aTask(db, victim, "victim's");

        var response = victim.postAsIs("/tasks/" + task.id() + "/deleted", Map.of());

        assertEquals(403, response.status());
        assertEquals(
                "This form did not come from this site, or it has expired: reload the page and try again.",
                response.detail());
        assertTrue(todos(db).find(task.id(), victim.userId()).isPresent());
    }

    @OnEachDatabase
    void a_form_post_with_a_wrong_token_is_403_and_changes_nothing(TestDb db) {
        SignedIn victim = SignedIn.newUser(app(db));
        Todo task = aTask(db, victim, "victim's");

        var response = victim.postAsIs("/tasks/" + task.id(), withToken(A_FORM, "A".repeat(43)));

        assertEquals(403, response.status());
        assertEquals(task, todos(db).find(task.id(), victim.userId()).orElseThrow());
    }

    @OnEachDatabase
    void the_attackers_own_valid_token_does_not_pass_with_the_victims_cookie(TestDb db) {
        TestApp app = app(db);
        SignedIn victim = SignedIn.newUser(app);
        SignedIn attacker = SignedIn.newUser(app);

        var response = victim.postAsIs("/tasks/new", withToken(A_FORM, attacker.csrf()));

        assertEquals(403, response.status());
        assertEquals(0, taskCount(db));
    }

    @OnEachDatabase
    void a_same_site_form_post_with_its_token_is_accepted(TestDb db) {
        TestApp app = app(db);
        SignedIn user = SignedIn.newUser(app);

        var response = user.postAsIs(
                "/tasks/new",
                withToken(A_FORM, user.csrf()),
                "Origin",
                "http://127.0.0.1:" + app.port(),
                "Sec-Fetch-Site",
                "same-origin");

        assertEquals(303, response.status());
        assertEquals(1, taskCount(db));
    }

    private static Map<String, String> withToken(Map<String, String> form, String token) {
        Map<String, String> all = new HashMap<>(form);
        all.put("csrf", token);
        return all;
    }
}
