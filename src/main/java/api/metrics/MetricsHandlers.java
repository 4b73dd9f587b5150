package api.metrics;

import io.javalin.http.Context;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;

/** {@code GET /metrics} in Prometheus text format 0.0.4. */
public final class MetricsHandlers {
    private final CollectorRegistry registry;

    public MetricsHandlers(Metrics metrics) {
        this.registry = metrics.registry();
    }

    public void scrape(Context ctx) throws IOException {
        var body = new StringWriter(16_384);
        TextFormat.write004(body, registry.metricFamilySamples());
        ctx.contentType(TextFormat.CONTENT_TYPE_004).result(body.toString());
    }
}
