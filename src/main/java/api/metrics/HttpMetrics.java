package api.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;

/** Request counts and latencies, labelled by route template so a label's values stay few. */
public final class HttpMetrics {
    private final Counter requests;
    private final Histogram duration;

    HttpMetrics(CollectorRegistry registry) {
        requests = Counter.build("http_requests_total", "HTTP requests answered")
                .labelNames("method", "route", "status")
                .register(registry);
        duration = Histogram.build("http_request_duration_seconds", "Time to answer an HTTP request")
                .labelNames("method", "route")
                .buckets(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
                .register(registry);
    }

    public void observe(String method, String route, int status, double seconds) {
        requests.labels(method, route, Integer.toString(status)).inc();
        duration.labels(method, route).observe(seconds);
    }
}
