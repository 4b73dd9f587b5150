package api.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.DbSettings;
import api.support.Await;
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
            Await.until("two attempts refused", () -> proxy.refused() >= 2);
            assertFalse(connecting.isDone(), "gave up or connected before the database existed");

            proxy.restore();

            try (Database db = connecting.get(15, TimeUnit.SECONDS)) {
                assertTrue(db.isUp());
            }
        }
    }

    @Test
    void start_up_fails_with_a_clear_message_when_the_database_never_appears() {
        DbSettings nowhere =
                new DbSettings("jdbc:mysql://127.0.0.1:" + unusedPort() + "/app", "root", "hunter2", false);

        var error = assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> assertThrows(
                        DatabaseUnavailableException.class,
                        () -> Database.connect(nowhere, 2, Duration.ofMillis(500), Duration.ofSeconds(2))));

        assertTrue(
                error.getMessage().startsWith("Could not connect to the database at jdbc:mysql://127.0.0.1:"),
                error.getMessage());
        assertTrue(error.getMessage().contains("within 2 s"), error.getMessage());
        assertFalse(error.getMessage().contains("hunter2"));
    }

    @Test
    void is_up_turns_false_while_the_database_is_unreachable_and_true_again_after() {
        try (TcpProxy proxy = TcpProxy.open(TestDbs.mariadbPort());
                Database db = Database.connect(
                        TestDbs.throughPort(TestDbs.freshMariaDbSettings("flaky"), proxy.port()),
                        2,
                        Duration.ofMillis(500),
                        Duration.ofSeconds(10))) {
            assertTrue(db.isUp());
            proxy.cut();
            assertFalse(db.isUp());
            proxy.restore();
            Await.until("the database to be up again", db::isUp);
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
