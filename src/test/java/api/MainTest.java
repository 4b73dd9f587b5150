package api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.cli.Commands;
import api.db.Dialect;
import api.db.migrations.Migration;
import api.db.migrations.MigrationScripts;
import api.support.ChildApp;
import api.support.CommandRun;
import api.support.CommandRun.Output;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator commands, run in-process against an embedded H2 file database in a temp folder. */
class MainTest {
    /** Every migration of this build, oldest first: the newest ones change with every schema change. */
    private static final List<Migration> KNOWN = MigrationScripts.load("db/migration", Dialect.H2);

    private Path dataDir;

    @BeforeEach
    void freshDataDir() throws Exception {
        dataDir = Files.createTempDirectory("api-main");
    }

    @Test
    void bad_config_value_exits_2_with_one_line_naming_the_key() {
        Output out = run("--port=abc");
        assertEquals(2, out.status());
        assertEquals("config error: PORT must be an integer, got 'abc'\n", out.stderr());
    }

    @Test
    void a_mistyped_flag_exits_2_with_one_line_suggesting_the_flag_meant() {
        Output out = run("--prot=8001");
        assertEquals(2, out.status());
        assertEquals("config error: unknown flag --prot; did you mean --port?\n", out.stderr());
    }

    @Test
    void a_bad_trusted_proxies_exits_2_with_one_line_naming_the_key() {
        Output out = run("--trusted-proxies=bogus");
        assertEquals(2, out.status());
        assertEquals(
                "config error: TRUSTED_PROXIES must be IP addresses or CIDR ranges such as 10.0.0.0/8, comma separated:"
                        + " 'bogus' is not an IP address or CIDR range\n",
                out.stderr());
    }

    @Test
    void production_with_an_h2_database_url_exits_2_with_one_line_naming_the_key() {
        Output out = run(
                "--app-env=production",
                "--database-url=jdbc:h2:mem:prod",
                "--secret-key=" + "s".repeat(40),
                "--ops-token=" + "o".repeat(40),
                "--cors-origins=https://app.example.com");

        assertEquals(2, out.status());
        assertEquals(
                "config error: APP_ENV=production refuses the embedded H2 database in DATABASE_URL: set it to a MySQL"
                        + " or MariaDB URL\n",
                out.stderr());
    }

    @Test
    void a_bad_log_level_exits_2_with_one_line_naming_the_key() {
        Output out = run("--log-level=LOUD");
        assertEquals(2, out.status());
        assertEquals("config error: LOG_LEVEL must be TRACE, DEBUG, INFO, WARN or ERROR, got 'LOUD'\n", out.stderr());
    }

    @Test
    void unknown_command_exits_2() {
        assertEquals(2, run("frobnicate").status());
    }

    @Test
    void help_lists_the_commands_and_config_keys() {
        Output out = run("--help");
        assertEquals(0, out.status());
        assertTrue(out.stdout().contains("db downgrade N"));
        assertTrue(out.stdout().contains("DATABASE_URL"));
        assertTrue(out.stdout().contains("DB_CONNECT_DEADLINE_SECONDS"));
        assertTrue(out.stdout().contains("LOG_LEVEL"));
    }

    @Test
    void training_run_serves_every_request_it_sends_and_leaves_the_configured_database_untouched() throws Exception {
        Output out = run("training-run");

        assertEquals(0, out.status(), out.stderr());
        try (var files = Files.list(dataDir)) {
            assertEquals(0, files.count(), "the training run wrote into DATA_DIR");
        }
    }

    @Test
    void db_upgrade_applies_every_migration_then_reports_nothing_to_do() {
        Output first = run("db", "upgrade");
        assertEquals(0, first.status(), first.stderr());
        assertTrue(first.stdout().startsWith("Applied " + KNOWN.size() + ": 001_create_posts"), first.stdout());
        assertEquals("Already at the latest version.\n", run("db", "upgrade").stdout());
    }

    @Test
    void db_downgrade_one_reverts_the_newest_migration_and_current_shows_it() {
        run("db", "upgrade");
        Output down = run("db", "downgrade", "1");
        assertEquals(0, down.status());
        assertEquals("Reverted 1: " + newest(0).label() + "\n", down.stdout());
        assertTrue(run("db", "current").stdout().startsWith(newest(1).label() + " (applied "));
    }

    @Test
    void db_history_marks_applied_and_pending_migrations() {
        run("db", "upgrade");
        run("db", "downgrade", "2");
        String history = run("db", "history").stdout();
        assertTrue(history.contains("[applied] " + newest(2).label()), history);
        assertTrue(history.contains("[pending] " + newest(1).label()), history);
    }

    @Test
    void db_downgrade_with_a_non_number_exits_2() {
        assertEquals(2, run("db", "downgrade", "one").status());
    }

    @Test
    void db_downgrade_without_a_number_is_a_usage_error() {
        Output out = run("db", "downgrade");
        assertEquals(2, out.status());
        assertEquals(Commands.DOWNGRADE_USAGE + "\n", out.stderr());
    }

    @Test
    void a_command_without_its_argument_prints_its_usage_and_exits_2() {
        Output out = run("users", "unlock");
        assertEquals(2, out.status());
        assertTrue(out.stderr().startsWith("usage: api users unlock EMAIL: "), out.stderr());
    }

    @Test
    void a_command_with_an_argument_too_many_prints_its_usage_and_exits_2() {
        Output out = run("db", "current", "now");
        assertEquals(2, out.status());
        assertTrue(out.stderr().startsWith("usage: api db current: "), out.stderr());
    }

    @Test
    void db_downgrade_0_is_a_usage_error_and_reverts_nothing() {
        run("db", "upgrade");
        Output out = run("db", "downgrade", "0");
        assertEquals(2, out.status());
        assertEquals(Commands.DOWNGRADE_USAGE + "\n", out.stderr());
        assertTrue(run("db", "current").stdout().startsWith(newest(0).label() + " (applied "));
    }

    @Test
    void a_command_on_the_embedded_database_a_running_server_holds_says_so_in_one_line_within_a_second() {
        try (ChildApp server = ChildApp.serve(Map.of(
                "APP_ENV", "test", "HOST", "127.0.0.1", "SECRET_KEY", "child-secret-key-long-enough-for-hs256"))) {
            assertNotNull(server.awaitHealthy(Duration.ofSeconds(60)), server::log);

            long start = System.nanoTime();
            Output out = CommandRun.in(server.dataDir(), "db", "current");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(1, out.status());
            String expected = "the embedded database " + server.dataDir().resolve("api.mv.db")
                    + " is in use by a running server: stop it, or run the command through MySQL/MariaDB";
            assertEquals(
                    1, out.stdout().lines().filter(l -> l.contains(expected)).count(), out.stdout());
            assertTrue(took.compareTo(Duration.ofSeconds(1)) <= 0, "took " + took.toMillis() + " ms");
        }
    }

    @Test
    void serve_on_a_port_in_use_says_so_in_one_line_and_exits_1_before_any_migration() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Output out = run("serve", "--port=" + taken.getLocalPort());

            assertEquals(1, out.status());
            String expected = "port " + taken.getLocalPort() + " on 127.0.0.1 is in use by another process: stop it,"
                    + " or choose another port with --port or PORT";
            assertEquals(
                    1, out.stdout().lines().filter(l -> l.endsWith(expected)).count(), out.stdout());
            assertFalse(Files.exists(dataDir.resolve("api.mv.db")), "a database was made before the port was checked");
        }
    }

    /** The migration {@code back} steps before the newest. */
    private static Migration newest(int back) {
        return KNOWN.get(KNOWN.size() - 1 - back);
    }

    private Output run(String... args) {
        return CommandRun.in(dataDir, args);
    }
}
