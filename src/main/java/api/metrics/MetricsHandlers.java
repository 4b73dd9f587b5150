package api.metrics;

import api.web.ApiDocs;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
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

    @OpenApi(path = "/metrics", methods = HttpMethod.GET, summary = "Prometheus metrics, text format 0.0.4 (Bearer OPS_TOKEN when set)", tags = "Operations",
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "text/plain")), @OpenApiResponse(status = "401", content = @OpenApiContent(from = ApiDocs.Detail.class))})
    public void scrape(Context ctx) throws IOException {
        var body = new StringWriter(16_384);
        TextFormat.write004(body, registry.metricFamilySamples());
        ctx.contentType(TextFormat.CONTENT_TYPE_004).result(body.toString());
    }
}
