package api.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains Jetty before it stops: the listening socket closes first (nginx retries new connections on the other
 * instance) and every answer begun from then on closes its connection; open connections get the idle grace, kept
 * above nginx's keepalive_timeout so nginx closes its idle ones first; then a connection with no request being handled
 * is closed at once, whatever its parser holds, a request waiting on its client's bytes fails at the next pause, and
 * a request being worked on is answered within the timeout. A connection accepted just before the listening socket
 * closed counts as open from the moment Jetty takes it.
 */
public final class GracefulShutdown {
    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);
    /** How long a request may wait on its client's bytes once the grace is over. */
    private static final long STALLED_MS = 100;

    private GracefulShutdown() {}

    public static void drain(Server server, Duration timeout, Duration idleGrace) {
        if (server == null || !server.isStarted()) {
            return;
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        List<DrainableConnector> connectors = new ArrayList<>();
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof DrainableConnector drainable) {
                drainable.stopAccepting();
                connectors.add(drainable);
            }
        }
        BooleanSupplier drained = () -> connectors.stream().allMatch(DrainableConnector::drained);
        int openAtSignal = connectors.stream()
                .mapToInt(DrainableConnector::connectionsOpen)
                .sum();
        long graceEnd = Math.min(deadline, System.nanoTime() + idleGrace.toNanos());
        waitUntil(graceEnd, drained);

        // Jetty's own stop shuts the connectors down, which would give what is left a long idle timeout back
        connectors.forEach(c -> c.setShutdownIdleTimeout(STALLED_MS));
        List<EndPoint> idle = open(connectors).stream()
                .filter(endPoint -> !handlingRequest(endPoint))
                .toList();
        if (!idle.isEmpty()) {
            log.info("Closing {} connections with no request being handled", idle.size());
            idle.forEach(EndPoint::close);
        }
        open(connectors).forEach(endPoint -> endPoint.setIdleTimeout(STALLED_MS));
        waitUntil(deadline, drained);

        List<EndPoint> left = open(connectors);
        if (!left.isEmpty()) {
            log.warn(
                    "Shutdown timeout of {} s reached: closing {} connections with requests still running",
                    timeout.toSeconds(),
                    left.size());
            left.forEach(EndPoint::close);
        }
        // so that a request refused at a stop can be read against how the drain went
        log.info(
                "Drained in {} ms: {} connections open when the listening socket closed",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                openAtSignal);
    }

    /** Headers read and the answer not yet complete; Jetty's public API has no per-connection view of this. */
    private static boolean handlingRequest(EndPoint endPoint) {
        return !(endPoint.getConnection() instanceof HttpConnection http)
                || http.getHttpChannel().getRequest() != null;
    }

    private static List<EndPoint> open(List<DrainableConnector> connectors) {
        return connectors.stream().flatMap(c -> c.openEndPoints().stream()).toList();
    }

    private static void waitUntil(long deadline, BooleanSupplier done) {
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            // an interrupt only ends the wait early, and stays set for the caller to see
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
