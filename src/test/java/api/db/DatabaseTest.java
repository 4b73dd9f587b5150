package api.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.DbSettings;
import api.support.TcpProxy;
import api.support.TestDbs;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void start_up_waits_for_a_database_that_appears_within_the_deadline() throws Exception {
        DbSettings real = TestDbs.freshMariaDbSettings("late");
        try (TcpProxy proxy = TcpProxy.closed(TestDbs.mariadbPort())) {
            DbSettings late = TestDbs.throughPort(real, proxy.port());
            CompletableFuture<Database> connecting = CompletableFuture.supplyAsync(
                    () -> Database.connect(late, 2, Duration.ofMillis(500), Duration.ofSeconds(20)));
            Thread.sleep(3_000);
            assertFalse(connecting.isDone(), "connected before the database existed");

            proxy.restore();

            try (Database db = connecting.get(15, TimeUnit.SECONDS)) {
                assertTrue(db.isUp());
            }
        }
    }

    @Test
    void start_up_fails_with_a_clear_message_when_the_database_never_appears() {
        DbSettings nowhere = new DbSettings("jdbc:mysql://127.0.0.1:" + unusedPort() + "/app", "root", "hunter2", false);
        long start = System.nanoTime();

        var error = assertThrows(DatabaseUnavailableException.class,
                () -> Database.connect(nowhere, 2, Duration.ofMillis(500), Duration.ofSeconds(2)));

        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs < 4_000, "gave up after " + elapsedMs + " ms");
        assertTrue(error.getMessage().startsWith("Could not connect to the database at jdbc:mysql://127.0.0.1:"), error.getMessage());
        assertTrue(error.getMessage().contains("within 2 s"), error.getMessage());
        assertFalse(error.getMessage().contains("hunter2"));
    }

    @Test
    void is_up_turns_false_while_the_database_is_unreachable_and_true_again_within_5_s_after() throws Exception {
        try (TcpProxy proxy = TcpProxy.open(TestDbs.mariadbPort());
             Database db = Database.connect(TestDbs.throughPort(TestDbs.freshMariaDbSettings("flaky"), proxy.port()),
                     2, Duration.ofMillis(500), Duration.ofSeconds(10))) {
            assertTrue(db.isUp());
            proxy.cut();
            assertFalse(db.isUp());
            proxy.restore();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!db.isUp() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(db.isUp());
        }
    }

    private static int unusedPort() {
        try (var probe = new java.net.ServerSocket(0)) {
            return probe.getLocalPort(); // closed again: nothing listens there
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
