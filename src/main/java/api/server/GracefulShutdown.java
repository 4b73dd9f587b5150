package api.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains Jetty before it stops: closing the listening socket first makes nginx retry new connections on the other
 * instance, while requests in flight or on open connections are still answered instead of Jetty's 503. It ends when
 * clients have closed, after the idle grace (kept above nginx's keepalive_timeout so nginx closes first), or at the
 * timeout.
 */
public final class GracefulShutdown {
    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    private GracefulShutdown() {}

    public static void drain(Server server, Duration timeout, Duration idleGrace) {
        if (server == null || !server.isStarted()) {
            return;
        }
        List<NetworkConnector> connectors = new ArrayList<>();
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof NetworkConnector network) {
                if (network instanceof AbstractConnector jetty) {
                    // Jetty cuts idle connections to 1 s on shutdown, racing nginx sending on them: let nginx close
                    // them
                    jetty.setShutdownIdleTimeout(Math.max(1_000, idleGrace.toMillis() * 2));
                }
                network.shutdown(); // closes the listening socket; open connections stay
                connectors.add(network);
            }
        }
        StatisticsHandler stats = server.getDescendant(StatisticsHandler.class);
        waitForClients(connectors, stats, timeout, idleGrace);
        // what is left is idle (or past the timeout): let Jetty's stop close it at once instead of waiting for it
        connectors.forEach(c -> c.getConnectedEndPoints().forEach(endPoint -> endPoint.setIdleTimeout(100)));
    }

    private static void waitForClients(
            List<NetworkConnector> connectors, StatisticsHandler stats, Duration timeout, Duration idleGrace) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int open = connectors.stream()
                    .mapToInt(c -> c.getConnectedEndPoints().size())
                    .sum();
            if (open == 0) {
                return;
            }
            if (stats != null && stats.getRequestsActive() > 0) {
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= idleGrace.toNanos()) {
                log.info("Closing {} idle connections", open);
                return;
            }
            sleep(20);
        }
        log.warn(
                "Shutdown timeout of {} s reached with {} requests still running",
                timeout.toSeconds(),
                stats == null ? "?" : stats.getRequestsActive());
    }

    /** Waits without throwing: an interrupt only ends the wait early, and stays set for the loop to see. */
    private static void sleep(long ms) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ms));
    }
}
