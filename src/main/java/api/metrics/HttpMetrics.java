package api.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request counts and latencies. Every label takes a bounded set of values (method, route template, status), since each
 * new value is a new series that /metrics serves and Prometheus stores for good.
 */
public final class HttpMetrics {
    /** The label for any method but these: a client may send any token as its method. */
    private static final String OTHER_METHOD = "OTHER";

    private static final Set<String> LABELLED_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final Counter requests;
    private final Histogram duration;
    // the labelled children, found by a record instead of the client's varargs list and a new status string
    private final ConcurrentHashMap<Series, Counter.Child> counts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Series, Histogram.Child> durations = new ConcurrentHashMap<>();

    /** One labelled series; {@code status} is 0 for the durations, which are not split by status. */
    private record Series(String method, String route, int status) {}

    HttpMetrics(CollectorRegistry registry) {
        requests = Counter.build("http_requests_total", "HTTP requests answered")
                .labelNames("method", "route", "status")
                .register(registry);
        duration = Histogram.build("http_request_duration_seconds", "Time to answer an HTTP request")
                .labelNames("method", "route")
                .buckets(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .register(registry);
    }

    /** {@code route} is a route template or {@code Routes.UNMATCHED}, never a raw path. */
    public void observe(String method, String route, int status, double seconds) {
        String methodLabel = LABELLED_METHODS.contains(method) ? method : OTHER_METHOD;
        var count = new Series(methodLabel, route, status);
        Counter.Child counter = counts.get(count);
        if (counter == null) {
            counter =
                    counts.computeIfAbsent(count, s -> requests.labels(s.method, s.route, Integer.toString(s.status)));
        }
        counter.inc();
        var time = new Series(methodLabel, route, 0);
        Histogram.Child histogram = durations.get(time);
        if (histogram == null) {
            histogram = durations.computeIfAbsent(time, s -> duration.labels(s.method, s.route));
        }
        histogram.observe(seconds);
    }
}
