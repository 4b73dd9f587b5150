package api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessMetricsTest {
    private final Metrics metrics = new Metrics();

    private double value(String name, Map<String, String> labels) {
        Double v = metrics.registry()
                .getSampleValue(
                        name,
                        labels.keySet().toArray(String[]::new),
                        labels.values().toArray(String[]::new));
        return v == null ? 0 : v;
    }

    @Test
    void a_registration_is_counted() {
        metrics.business().userRegistered();

        assertEquals(1, value("api_users_registered_total", Map.of()));
    }

    @Test
    void logins_are_counted_by_result() {
        metrics.business().loginSucceeded();
        metrics.business().loginFailed();
        metrics.business().loginFailed();
        metrics.business().loginThrottled();

        assertEquals(1, value("api_logins_total", Map.of("result", "success")));
        assertEquals(2, value("api_logins_total", Map.of("result", "failure")));
        assertEquals(1, value("api_logins_total", Map.of("result", "throttled")));
    }

    @Test
    void a_created_post_is_counted() {
        metrics.business().postCreated();

        assertEquals(1, value("api_posts_created_total", Map.of()));
    }

    @Test
    void votes_are_counted_by_direction() {
        metrics.business().voteAdded();
        metrics.business().voteAdded();
        metrics.business().voteRemoved();

        assertEquals(2, value("api_votes_total", Map.of("direction", "up")));
        assertEquals(1, value("api_votes_total", Map.of("direction", "down")));
    }

    @Test
    void created_and_completed_tasks_are_counted_apart() {
        metrics.business().taskCreated();
        metrics.business().taskCreated();
        metrics.business().taskCompleted();

        assertEquals(2, value("api_tasks_created_total", Map.of()));
        assertEquals(1, value("api_tasks_completed_total", Map.of()));
    }

    @Test
    void two_apps_in_one_jvm_count_separately() {
        new Metrics().business().postCreated();

        assertEquals(0, value("api_posts_created_total", Map.of()));
    }
}
