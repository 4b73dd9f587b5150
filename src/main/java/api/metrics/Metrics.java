package api.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.prometheus.PrometheusHistogramMetricsTrackerFactory;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.CounterMetricFamily;
import io.prometheus.client.GaugeMetricFamily;
import io.prometheus.client.hotspot.BufferPoolsExports;
import io.prometheus.client.hotspot.ClassLoadingExports;
import io.prometheus.client.hotspot.GarbageCollectorExports;
import io.prometheus.client.hotspot.MemoryPoolsExports;
import io.prometheus.client.hotspot.StandardExports;
import io.prometheus.client.hotspot.ThreadExports;
import io.prometheus.client.hotspot.VersionInfoExports;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registry is per app, not the JVM default, so several apps in one JVM (tests) do not collide. */
public final class Metrics {
    private static final Logger log = LoggerFactory.getLogger(Metrics.class);

    private final CollectorRegistry registry = new CollectorRegistry(true);
    private final HttpMetrics http = new HttpMetrics(registry);
    private final BusinessMetrics business = new BusinessMetrics(registry);

    public Metrics() {
        new JvmExports().register(registry);
    }

    public CollectorRegistry registry() {
        return registry;
    }

    public HttpMetrics http() {
        return http;
    }

    public BusinessMetrics business() {
        return business;
    }

    /**
     * Timings as histograms, since Hikari's default summaries cost two sorted inserts per checkout. Hikari takes one
     * tracker per pool, so an app sharing a tracked pool goes without.
     */
    public void trackPool(HikariDataSource pool) {
        synchronized (pool) {
            if (pool.getMetricsTrackerFactory() == null) {
                pool.setMetricsTrackerFactory(new PrometheusHistogramMetricsTrackerFactory(registry));
            } else {
                log.debug(
                        "Pool {} already has a metrics tracker; its hikaricp_* metrics go to that one",
                        pool.getPoolName());
            }
        }
    }

    public void trackRequestLog(
            LongSupplier queueDepth,
            LongSupplier written,
            LongSupplier droppedQueueFull,
            LongSupplier droppedWriteFailed,
            LongSupplier purged) {
        registerSampled(() -> {
            var dropped = new CounterMetricFamily(
                    "request_log_dropped",
                    "Request logs lost: queue full, or the insert kept failing",
                    List.of("reason"));
            dropped.addMetric(List.of("queue_full"), droppedQueueFull.getAsLong());
            dropped.addMetric(List.of("write_failed"), droppedWriteFailed.getAsLong());
            return List.of(
                    new GaugeMetricFamily(
                            "request_log_queue_depth", "Request logs waiting to be stored", queueDepth.getAsLong()),
                    new CounterMetricFamily("request_log_written", "Request logs stored", written.getAsLong()),
                    new CounterMetricFamily(
                            "request_log_purged",
                            "Request logs deleted for being older than REQUEST_LOG_RETENTION_DAYS",
                            purged.getAsLong()),
                    dropped);
        });
    }

    public void trackPasswordWork(LongSupplier active, LongSupplier queued, LongSupplier rejected) {
        registerSampled(() -> List.of(
                new GaugeMetricFamily("password_work_active", "bcrypt hashes being computed", active.getAsLong()),
                new GaugeMetricFamily(
                        "password_work_queue_depth", "bcrypt hashes waiting for a thread", queued.getAsLong()),
                new CounterMetricFamily(
                        "password_work_rejected",
                        "Logins and sign-ups refused with 503: the bcrypt queue was full",
                        rejected.getAsLong())));
    }

    /** Made at the first scrape, since reading the JVM's management beans is start-up work no request needs. */
    private static final class JvmExports extends Collector implements Collector.Describable {
        private volatile List<Collector> exports;

        @Override
        public List<MetricFamilySamples> describe() {
            return List.of();
        }

        @Override
        public List<MetricFamilySamples> collect() {
            List<MetricFamilySamples> samples = new ArrayList<>();
            for (Collector export : exports()) {
                samples.addAll(export.collect());
            }
            return samples;
        }

        private List<Collector> exports() {
            if (exports == null) {
                synchronized (this) {
                    if (exports == null) {
                        // MemoryAllocationExports is left out: each one adds a GC listener that is never removed
                        exports = List.of(
                                new StandardExports(),
                                new MemoryPoolsExports(),
                                new BufferPoolsExports(),
                                new GarbageCollectorExports(),
                                new ThreadExports(),
                                new ClassLoadingExports(),
                                new VersionInfoExports());
                    }
                }
            }
            return exports;
        }
    }

    /** Metrics read from their owner at every scrape, instead of counters the owner would have to update. */
    private void registerSampled(Supplier<List<Collector.MetricFamilySamples>> samples) {
        new Collector() {
            @Override
            public List<MetricFamilySamples> collect() {
                return samples.get();
            }
        }.register(registry);
    }
}
