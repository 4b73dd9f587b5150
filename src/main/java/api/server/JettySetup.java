package api.server;

import api.config.AppConfig;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

public final class JettySetup {
    private static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private JettySetup() {}

    /** Avoids Jetty starting the JMX platform server just to ask whether references are compressed. */
    public static void withoutJmxProbe() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(REFERENCES_PER_CACHE_LINE, "16");
        }
    }

    /** {@code smallerBodyLimits}: paths whose bodies must stay under a lower limit ({@link BodyLimit}). */
    public static void apply(
            JavalinConfig cfg, AppConfig.Http http, AppConfig.Shutdown shutdown, Map<String, Long> smallerBodyLimits) {
        var jetty = new AtomicReference<Server>();
        cfg.startup.showJavalinBanner = false;
        cfg.startup.startupWatcherEnabled = false;
        cfg.http.maxRequestSize = http.maxRequestBodyBytes();
        // unset, Javalin copies each result through a new buffer of this size; Jetty still buffers
        cfg.http.responseBufferSize = 8192;
        cfg.jetty.multipartConfig.maxTotalRequestSize(http.maxRequestBodyBytes(), SizeUnit.BYTES);
        cfg.jetty.threadPool = threadPool(http.threads());
        // read when the server starts, after Javalin's start(host, port) has set them
        var listen = cfg.jetty;
        cfg.jetty.addConnector((server, config) -> {
            var connector = new DrainableConnector(server, config);
            connector.setHost(listen.host);
            connector.setPort(listen.port);
            return connector;
        });
        cfg.jetty.modifyServer(server -> {
            server.setStopTimeout(shutdown.timeout().toMillis());
            server.setErrorHandler(new JsonErrorHandler());
            jetty.set(server);
        });
        cfg.jetty.modifyServletContextHandler(context -> {
            context.setErrorHandler(new JsonErrorHandler());
            context.addFilter(
                    new FilterHolder(new BodyLimit(http.maxRequestBodyBytes(), smallerBodyLimits)),
                    "/*",
                    EnumSet.of(DispatcherType.REQUEST));
        });
        // Microsoft's %uXXXX escapes would otherwise make the static-file lookup's URLDecoder fail with a 500
        cfg.jetty.modifyHttpConfiguration(config -> config.setUriCompliance(
                UriCompliance.RFC3986.without("RFC3986 without %u escapes", UriCompliance.Violation.UTF16_ENCODINGS)));
        cfg.events.serverStopping(() -> GracefulShutdown.drain(jetty.get(), shutdown.timeout(), shutdown.idleGrace()));
    }

    /** Jetty's default pool, bounded by HTTP_THREADS and named for thread dumps. */
    private static QueuedThreadPool threadPool(int max) {
        var pool = new QueuedThreadPool(max, Math.min(8, max));
        pool.setName("http");
        return pool;
    }
}
