package api.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Another process listens on the configured port: the start ends in one line before any migration runs. */
public final class PortInUseException extends RuntimeException {
    public PortInUseException(String host, int port) {
        super("port " + port + " on " + host
                + " is in use by another process: stop it, or choose another port with --port or PORT");
    }

    /** A trial bind, closed again at once; Jetty binds for real once the app is built. */
    public static void checkFree(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new PortInUseException(host, port);
        }
    }
}
