package api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static int taskCount(DbSettings db) {
        try (var database = TestDbs.connect(db)) {
            return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM tasks").mapTo(Integer.class).one());
        }
    }

    @Test
    void importing_the_seed_file_exits_0_and_says_how_many() {
        DbSettings db = TestDbs.freshH2Settings("import-cli");

        int status = Main.run(new String[] {"todos", "import", "config/seed/todos.json", "--database-url=" + db.jdbcUrl()});

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals("Imported 3 todos", out.toString(StandardCharsets.UTF_8).strip());
        assertEquals(3, taskCount(db));
    }

    @Test
    void a_bad_file_exits_1_naming_the_item_and_imports_nothing() throws Exception {
        DbSettings db = TestDbs.freshH2Settings("import-cli");
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "[{\"title\": \"ok\", \"memo\": \"\", \"priority\": 1}, {\"title\": \"no memo\", \"priority\": 1}]");

        int status = Main.run(new String[] {"todos", "import", file.toString(), "--database-url=" + db.jdbcUrl()});

        assertEquals(1, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("item 2: memo is required. (nothing imported)"), err.toString(StandardCharsets.UTF_8));
        assertEquals(0, taskCount(db));
    }
}
