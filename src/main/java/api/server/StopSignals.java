package api.server;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT are how systemd, Heroku, docker stop and Ctrl-C ask for a stop. Left to the JVM, they run
 * the shutdown hooks and then exit 143 (130), the status of a process killed by the signal. Handled here,
 * {@code System.exit(0)} runs the same hooks (the drain, the request-log flush, the pool close) and the
 * process reports the orderly stop it made.
 */
public final class StopSignals {
    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {}

    /** Called before anything slow at start, so that a stop during it exits 0 too. */
    public static void exitZero() {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> System.exit(0));
            } catch (IllegalArgumentException e) {
                log.warn("SIG{} is reserved by the JVM (-Xrs?): a stop by it exits with the JVM's own status", name);
            }
        }
    }
}
