package api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.ConfigException;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDbs;
import java.util.Map;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

class HttpThreadsTest {

    @Test
    void http_threads_bounds_jettys_pool_and_the_server_still_answers() {
        try (TestApp app = TestApp.start(TestConfig.forDb(TestDbs.h2(), Map.of("HTTP_THREADS", "12")), TestDbs.h2())) {
            var pool = (QueuedThreadPool) app.javalin().jettyServer().server().getThreadPool();

            assertEquals(12, pool.getMaxThreads());
            assertEquals(200, app.get("/").status());
        }
    }

    @Test
    void fewer_than_8_http_threads_is_a_config_error() {
        var error =
                assertThrows(ConfigException.class, () -> TestConfig.forDb(TestDbs.h2(), Map.of("HTTP_THREADS", "2")));

        assertTrue(
                error.getMessage().startsWith("HTTP_THREADS must be 0 (DB_POOL_SIZE + 6) or between 8 and 1000"),
                error.getMessage());
    }

    @Test
    void http_threads_0_is_the_pool_size_plus_6() {
        assertEquals(
                16,
                TestConfig.forDb(TestDbs.h2(), Map.of("HTTP_THREADS", "0", "DB_POOL_SIZE", "10"))
                        .http()
                        .threads());
        assertEquals(
                38,
                TestConfig.forDb(TestDbs.h2(), Map.of("HTTP_THREADS", "0", "DB_POOL_SIZE", "32"))
                        .http()
                        .threads());
    }

    @Test
    void http_threads_0_is_at_least_8() {
        assertEquals(
                8,
                TestConfig.forDb(TestDbs.h2(), Map.of("HTTP_THREADS", "0", "DB_POOL_SIZE", "1"))
                        .http()
                        .threads());
    }

    @Test
    void the_default_follows_the_pool() {
        assertEquals(16, TestConfig.forDb(TestDbs.h2(), Map.of()).http().threads());
    }
}
