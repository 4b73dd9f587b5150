package api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.Main;
import api.config.DbSettings;
import api.support.TestDbs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TodosImportCommandTest {
    private static final String SEED = "config/seed/todos.json";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A fresh, migrated database with one user; returns its settings. */
    private static DbSettings databaseWithUser(String email) {
        DbSettings db = TestDbs.freshH2Settings("todos-cli");
        try (var database = TestDbs.connect(db)) {
            database.migrations().upgrade();
            database.jdbi().useHandle(h -> h.execute("INSERT INTO users (email, password) VALUES (?, 'x')", email));
        }
        return db;
    }

    private static int count(DbSettings db, String where) {
        try (var database = TestDbs.connect(db)) {
            return database.jdbi()
                    .withHandle(h -> h.createQuery("""
                    SELECT COUNT(*) FROM tasks t LEFT JOIN users u ON u.id = t.owner_id WHERE""" + " " + where)
                            .mapTo(Integer.class)
                            .one());
        }
    }

    private static void unownedTasks(DbSettings db, int howMany) {
        try (var database = TestDbs.connect(db)) {
            for (int i = 0; i < howMany; i++) {
                database.jdbi()
                        .useHandle(h ->
                                h.execute("INSERT INTO tasks (title, description, priority_id) VALUES ('old', '', 3)"));
            }
        }
    }

    private static int run(DbSettings db, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--database-url=" + db.jdbcUrl();
        return Main.run(all);
    }

    @Test
    void importing_the_seed_file_for_an_owner_exits_0_and_gives_them_every_task() {
        DbSettings db = databaseWithUser("alice@example.com");

        int status = run(db, "todos", "import", SEED, "--owner", "alice@example.com");

        assertEquals(0, status, stderr());
        assertEquals("Imported 3 todos for alice@example.com", stdout());
        assertEquals(3, count(db, "u.email = 'alice@example.com'"));
    }

    @Test
    void the_owner_is_found_whatever_the_case_of_the_email_domain() {
        DbSettings db = databaseWithUser("alice@example.com");

        assertEquals(0, run(db, "todos", "import", SEED, "--owner=alice@EXAMPLE.com"), stderr());
        assertEquals(3, count(db, "u.email = 'alice@example.com'"));
    }

    @Test
    void the_owner_is_found_by_a_case_or_full_width_spelling_of_the_email() {
        DbSettings db = databaseWithUser("alice@example.com");

        assertEquals(0, run(db, "todos", "import", SEED, "--owner=ALICE@example.com"), stderr());
        assertEquals(0, run(db, "todos", "import", SEED, "--owner=\uff41lice@example.com"), stderr());
        assertEquals(6, count(db, "u.email = 'alice@example.com'"));
    }

    @Test
    void an_accented_spelling_of_the_owner_is_another_address_and_imports_nothing() {
        DbSettings db = databaseWithUser("alice@example.com");

        assertEquals(1, run(db, "todos", "import", SEED, "--owner=alic\u00e9@example.com"));
        assertEquals(0, count(db, "TRUE"));
    }

    @Test
    void import_without_an_owner_exits_2_and_imports_nothing() {
        DbSettings db = databaseWithUser("alice@example.com");

        int status = run(db, "todos", "import", SEED);

        assertEquals(2, status);
        assertTrue(stderr().contains("todos import FILE needs --owner EMAIL"), stderr());
        assertEquals(0, count(db, "TRUE"));
    }

    @Test
    void import_for_an_email_no_user_has_exits_1_and_imports_nothing() {
        DbSettings db = databaseWithUser("alice@example.com");

        int status = run(db, "todos", "import", SEED, "--owner", "mallory@example.com");

        assertEquals(1, status);
        assertTrue(stderr().contains("no user has the email mallory@example.com"), stderr());
        assertEquals(0, count(db, "TRUE"));
    }

    @Test
    void a_bad_file_exits_1_naming_the_item_and_imports_nothing() throws Exception {
        DbSettings db = databaseWithUser("alice@example.com");
        Path file = dir.resolve("bad.json");
        Files.writeString(
                file,
                "[{\"title\": \"ok\", \"memo\": \"\", \"priority\": 1}, {\"title\": \"no memo\", \"priority\": 1}]");

        int status = run(db, "todos", "import", file.toString(), "--owner", "alice@example.com");

        assertEquals(1, status);
        assertTrue(stderr().contains("item 2: memo is required. (nothing imported)"), stderr());
        assertEquals(0, count(db, "TRUE"));
    }

    @Test
    void assign_gives_every_task_without_an_owner_to_the_user_and_says_how_many() {
        DbSettings db = databaseWithUser("alice@example.com");
        unownedTasks(db, 2);

        int status = run(db, "todos", "assign", "--owner", "alice@example.com");

        assertEquals(0, status, stderr());
        assertEquals("Assigned 2 tasks without an owner to alice@example.com", stdout());
        assertEquals(2, count(db, "u.email = 'alice@example.com'"));
        assertEquals(0, count(db, "t.owner_id IS NULL"));
    }

    @Test
    void assign_for_an_email_no_user_has_exits_1_and_changes_nothing() {
        DbSettings db = databaseWithUser("alice@example.com");
        unownedTasks(db, 2);

        int status = run(db, "todos", "assign", "--owner", "mallory@example.com");

        assertEquals(1, status);
        assertTrue(stderr().contains("no user has the email mallory@example.com"), stderr());
        assertEquals(2, count(db, "t.owner_id IS NULL"));
    }

    @Test
    void assign_without_an_owner_exits_2() {
        DbSettings db = databaseWithUser("alice@example.com");

        assertEquals(2, run(db, "todos", "assign"));
        assertTrue(stderr().contains("todos assign needs --owner EMAIL"), stderr());
    }
}
