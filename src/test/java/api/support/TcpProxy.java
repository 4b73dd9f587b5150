package api.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP forwarder in front of a real server, for outage tests. While {@link #cut()}, every
 * forwarded connection is closed and new ones are dropped as soon as they arrive, so clients see the
 * server vanish; {@link #restore()} forwards again. The listening socket stays bound throughout, so
 * the port can never be taken by someone else in between.
 */
public final class TcpProxy implements AutoCloseable {
    private final int targetPort;
    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean forwarding;
    private final java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();

    private TcpProxy(int targetPort, boolean forwarding) {
        this.targetPort = targetPort;
        this.forwarding = forwarding;
        try {
            this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread accept = new Thread(this::acceptLoop, "tcp-proxy-" + listener.getLocalPort());
        accept.setDaemon(true);
        accept.start();
    }

    /** A proxy that drops connections until {@link #restore()}. */
    public static TcpProxy closed(int targetPort) {
        return new TcpProxy(targetPort, false);
    }

    public static TcpProxy open(int targetPort) {
        return new TcpProxy(targetPort, true);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Connections reset because the proxy was cut: each is a client that tried the database during an outage. */
    public long refused() {
        return refused.get();
    }

    public void restore() {
        forwarding = true;
    }

    public void cut() {
        forwarding = false;
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    @Override
    public void close() {
        cut();
        closeQuietly(listener);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (!forwarding) {
                    client.setSoLinger(true, 0); // reset at once, like a server that is not there
                    client.close();
                    refused.incrementAndGet();
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // listener closed, or the target refused: the client sees its connection drop
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException e) {
                        // one side closed
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // already closed
            }
        }
    }
}
