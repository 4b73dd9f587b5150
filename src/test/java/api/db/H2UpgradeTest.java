package api.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.DbSettings;
import api.db.migrations.Migration;
import api.db.migrations.MigrationScripts;
import api.support.CommandRun;
import api.support.CommandRun.Output;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedded database files written by an older H2 than this build's: each is made in a JVM of its own whose class path
 * has that H2's jar (copied into target/old-h2 by the build), then opened in-process through the app.
 */
class H2UpgradeTest {
    private static final Path PREVIOUS_H2 = Path.of(System.getProperty("h2.previous.jar"));
    private static final Path FORMAT2_H2 = Path.of(System.getProperty("h2.format2.jar"));
    private static final List<Migration> KNOWN = MigrationScripts.load("db/migration", Dialect.H2);

    @TempDir
    Path dataDir;

    @Test
    void a_file_the_previous_jar_wrote_opens_as_it_is_with_its_migrations_and_rows() throws Exception {
        writeWithThePreviousJar();

        assertOpensWithEveryMigrationAndTheRow();
    }

    @Test
    void the_documented_export_and_import_carry_a_file_the_previous_jar_wrote_into_this_builds_h2() throws Exception {
        writeWithThePreviousJar();
        Path script = dataDir.resolve("api.sql");

        java(List.of(PREVIOUS_H2), "org.h2.tools.Script", "-url", url(), "-user", "sa", "-script", script.toString());
        Files.move(dataDir.resolve("api.mv.db"), dataDir.resolve("api.mv.db.old"));
        java(List.of(thisBuildsH2()), "org.h2.tools.RunScript", "-url", url(), "-user", "sa", "-script", "" + script);

        assertOpensWithEveryMigrationAndTheRow();
    }

    @Test
    void a_file_from_an_h2_before_format_3_stops_a_command_at_once_with_one_line_naming_the_steps() throws Exception {
        java(
                List.of(FORMAT2_H2),
                "org.h2.tools.Shell",
                "-url",
                url(),
                "-user",
                "sa",
                "-sql",
                "CREATE TABLE t (id INT)");

        Output out = main("db", "current");

        assertEquals(1, out.status());
        String expected = "the embedded database " + dataDir.resolve("api.mv.db")
                + " was written by an H2 this build cannot read (The write format 2 is smaller than the supported"
                + " format 3";
        String steps = "): export it with the jar that wrote it (org.h2.tools.Script), move the file aside and import"
                + " the script with this jar (org.h2.tools.RunScript), as troubleshooting.md shows";
        assertEquals(
                1,
                out.stdout()
                        .lines()
                        .filter(l -> l.contains(expected) && l.endsWith(steps))
                        .count(),
                out.stdout());
        assertTrue(out.stdout().lines().noneMatch(l -> l.contains("not reachable")), out.stdout());
    }

    /** The previous jar's migrations, run by this build's code on the H2 it shipped, and one user. */
    private void writeWithThePreviousJar() throws Exception {
        java(classPathWith(PREVIOUS_H2), "api.Main", "db", "upgrade", "--data-dir=" + dataDir);
        java(
                List.of(PREVIOUS_H2),
                "org.h2.tools.Shell",
                "-url",
                url(),
                "-user",
                "sa",
                "-sql",
                "INSERT INTO users (email, display_email, password) VALUES ('old@example.com', 'Old@Example.com', 'x')");
    }

    private void assertOpensWithEveryMigrationAndTheRow() {
        Output current = main("db", "current");
        assertEquals(0, current.status(), current.stdout() + current.stderr());
        assertTrue(current.stdout().startsWith(KNOWN.get(KNOWN.size() - 1).label() + " (applied "), current.stdout());

        try (Database db = Database.open(new DbSettings(url(), "sa", "", true), 1, Duration.ofSeconds(5))) {
            assertEquals(
                    "Old@Example.com",
                    db.jdbi()
                            .withHandle(h -> h.createQuery(
                                            "SELECT display_email FROM users WHERE email = 'old@example.com'")
                                    .mapTo(String.class)
                                    .one()));
        }
    }

    private String url() {
        return DbSettings.h2FileUrl(dataDir.resolve("api"));
    }

    /** This JVM's class path with {@code h2} in place of this build's H2. */
    private static List<Path> classPathWith(Path h2) throws Exception {
        Path ours = thisBuildsH2();
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(entry));
        }
        // were ours not there to take out, the child would open the file with it and prove nothing
        assertTrue(entries.remove(ours), "this build's H2 is not on the class path: " + entries);
        entries.add(h2);
        return entries;
    }

    private static Path thisBuildsH2() throws Exception {
        return Path.of(org.h2.Driver.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    /** Runs a JVM of its own in an empty folder, without the database settings this one's environment may have. */
    private void java(List<Path> classPath, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                String.join(
                        File.pathSeparator,
                        classPath.stream().map(Path::toString).toList())));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command)
                .directory(Files.createTempDirectory("api-h2").toFile())
                .redirectErrorStream(true);
        builder.environment()
                .keySet()
                .removeIf(k -> k.startsWith("DATABASE_") || k.endsWith("_URL") || k.startsWith("MYSQL_"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", args) + ":\n" + output);
    }

    private Output main(String... args) {
        return CommandRun.in(dataDir, args);
    }
}
