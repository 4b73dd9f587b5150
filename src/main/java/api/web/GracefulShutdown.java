package api.web;

import java.time.Duration;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains Jetty before it stops. Closing the listening socket first makes a load balancer's next connection
 * attempt fail at connect time, which nginx retries on the other instance even for a POST; requests already
 * in flight, or arriving on open keep-alive connections, are still answered (with {@code Connection: close}).
 * Jetty's own graceful stop would answer those late arrivals with 503 instead.
 */
public final class GracefulShutdown {
    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);
    /** Time for requests already on the wire of an open connection to arrive and be answered. */
    private static final Duration LINGER = Duration.ofMillis(300);

    private GracefulShutdown() {}

    public static void drain(Server server, Duration timeout) {
        if (server == null || !server.isStarted()) {
            return;
        }
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof NetworkConnector network) {
                network.shutdown(); // closes the listening socket; open connections stay
            }
        }
        StatisticsHandler stats = server.getChildHandlerByClass(StatisticsHandler.class);
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (stats != null && stats.getRequestsActive() > 0) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= LINGER.toNanos()) {
                return;
            }
            sleep(20);
        }
        log.warn("Shutdown timeout of {} s reached with {} requests still running", timeout.toSeconds(),
                stats == null ? "?" : stats.getRequestsActive());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
