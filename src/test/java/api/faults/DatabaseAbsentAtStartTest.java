package api.faults;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.DbSettings;
import api.support.ChildApp;
import api.support.TcpProxy;
import api.support.TestDbs;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The jar started before its database: a cut {@link TcpProxy} in front of the test MariaDB plays the absent server. */
@Tag("fault")
class DatabaseAbsentAtStartTest {

    @Test
    void database_that_appears_within_the_connect_deadline_is_waited_for_and_then_served() {
        DbSettings database = TestDbs.freshMariaDbSettings("absent");
        try (TcpProxy proxy = TcpProxy.closed(TestDbs.mariadbPort());
                ChildApp app = ChildApp.serve(config(TestDbs.throughPort(database, proxy.port()), 20))) {
            assertTrue(app.awaitLog("not reachable (attempt 2)", Duration.ofSeconds(15)), app::log);

            proxy.restore();
            Duration healthyAfter = app.awaitHealthy(Duration.ofSeconds(20));

            assertNotNull(healthyAfter, app::log);
            System.out.printf(
                    "database absent at start: served %d ms after the process started%n", healthyAfter.toMillis());
            assertTrue(healthyAfter.compareTo(Duration.ofSeconds(20)) < 0, "healthy after " + healthyAfter);
        }
    }

    @Test
    void database_that_never_appears_ends_the_process_non_zero_within_the_deadline_plus_2_s() {
        int deadlineSeconds = 3;
        DbSettings database = TestDbs.freshMariaDbSettings("never");
        try (TcpProxy proxy = TcpProxy.closed(TestDbs.mariadbPort());
                ChildApp app = ChildApp.serve(config(TestDbs.throughPort(database, proxy.port()), deadlineSeconds))) {

            // the deadline counts from the first try, not from the JVM's launch, which a busy machine slows
            assertTrue(app.awaitLog("not reachable (attempt 1)", Duration.ofSeconds(60)), app::log);
            long waitBegan = System.nanoTime();
            Integer status = app.awaitExit(Duration.ofSeconds(deadlineSeconds + 2));
            Duration ranFor = Duration.ofNanos(System.nanoTime() - waitBegan);

            System.out.printf(
                    "database never appears: exit %s %d ms after the first try (deadline %d s)%n",
                    status, ranFor.toMillis(), deadlineSeconds);
            assertNotNull(status, () -> "still running after " + ranFor + ":\n" + app.log());
            assertNotEquals(0, status, app::log);
            assertTrue(
                    app.log()
                            .contains("Could not connect to the database at jdbc:mysql://127.0.0.1:" + proxy.port()
                                    + "/"),
                    app::log);
            assertTrue(app.log().contains("within " + deadlineSeconds + " s (DB_CONNECT_DEADLINE_SECONDS)"), app::log);
        }
    }

    private static Map<String, String> config(DbSettings database, int deadlineSeconds) {
        Map<String, String> env = ChildApp.env(database);
        env.put("DB_CONNECT_DEADLINE_SECONDS", String.valueOf(deadlineSeconds));
        return env;
    }
}
