package api.web;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.App;
import api.auth.Role;
import api.support.TestConfig;
import api.support.TestDb;
import api.support.TestDbs;
import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A route that does not name exactly one role is never served: the app is not even built. */
class AccessTest {

    @Test
    void a_route_without_a_role_stops_the_app_from_being_built() {
        var error = assertThrows(
                IllegalStateException.class,
                () -> build(cfg -> cfg.routes.get("/test/unmarked", ctx -> ctx.result("open"))));

        assertTrue(error.getMessage().contains("GET /test/unmarked"), error.getMessage());
    }

    @Test
    void a_route_with_two_roles_stops_the_app_from_being_built() {
        assertThrows(
                IllegalStateException.class,
                () -> build(cfg -> cfg.routes.get("/test/both", ctx -> ctx.result("open"), Role.USER, Role.PUBLIC)));
    }

    private static void build(Consumer<JavalinConfig> extra) {
        TestDb db = TestDbs.h2();
        App.createApp(TestConfig.forDb(db), db.database(), Clock.systemUTC(), extra);
    }
}
