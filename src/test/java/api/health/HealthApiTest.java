package api.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import api.db.Database;
import api.support.Await;
import api.support.OnEachDatabase;
import api.support.TcpProxy;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import api.support.TestDbs;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthApiTest {

    @OnEachDatabase
    void health_is_200_with_database_up(TestDb db) {
        try (TestApp app = TestApp.start(db)) {
            var response = app.get("/health");
            assertEquals(200, response.status());
            assertEquals("ok", response.json().get("status").asText());
            assertEquals("up", response.json().get("database").asText());
        }
    }

    @Test
    void health_answers_its_keys_in_a_fixed_order() {
        try (TestApp app = TestApp.start(TestDbs.h2())) {
            assertEquals(
                    "{\"status\":\"ok\",\"database\":\"up\"}",
                    app.get("/health").body());
        }
    }

    @Test
    void health_is_503_not_a_hang_while_the_database_is_unreachable_and_200_after() throws Exception {
        try (TcpProxy proxy = TcpProxy.open(TestDbs.mariadbPort())) {
            var settings = TestDbs.throughPort(TestDbs.freshMariaDbSettings("health"), proxy.port());
            var config = TestConfig.forDb(settings, Map.of("DB_CONNECTION_TIMEOUT_MS", "1000"));
            try (Database database = Database.connect(settings, 2, Duration.ofSeconds(1), Duration.ofSeconds(10));
                    TestApp app = TestApp.start(config, new TestDb("MariaDB via proxy", settings, database))) {
                proxy.cut();
                // bounded well below the pool's default 30 s wait: only the configured connection timeout answers
                var down = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> app.get("/health"));

                assertEquals(503, down.status());
                assertEquals("down", down.json().get("database").asText());
                assertEquals("Database unavailable", down.detail());
                assertEquals(
                        "{\"status\":\"degraded\",\"database\":\"down\",\"detail\":\"Database unavailable\"}",
                        down.body());

                proxy.restore();
                Await.until("health to recover", () -> app.get("/health").status() == 200);
            }
        }
    }
}
