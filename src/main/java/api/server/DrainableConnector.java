package api.server;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Jetty's HTTP connector with a stop that closes a kept-alive connection only after an answer that said so: Jetty's
 * own shutdown also ends a connection right after an answer that had promised to keep it open, and nginx may have
 * sent its next request on it by then, a POST it does not retry.
 */
final class DrainableConnector extends ServerConnector {
    private final ConnectionsBeingAccepted beingAccepted = new ConnectionsBeingAccepted();
    private final AtomicInteger acceptorsInAccept = new AtomicInteger();
    private volatile boolean draining;

    DrainableConnector(Server server, HttpConfiguration config) {
        super(server, new HttpConnectionFactory(config));
        addEventListener(beingAccepted); // for the connections it opens, and for its selectors once started
        config.addCustomizer((request, responseHeaders) -> {
            if (draining && request.getConnectionMetaData().getConnector() == this) {
                responseHeaders.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            }
            return request;
        });
    }

    /** Closes the listening socket; open connections stay, and each answer begun from now on closes its own. */
    void stopAccepting() {
        draining = true;
        // an acceptor back at the top of its loop waits there instead of spinning on the closed socket, and one
        // blocked in accept() ends quietly, closing the socket itself
        setAccepting(false);
        interruptAcceptors();
        close();
    }

    /** No connection left, counting one an acceptor or a selector is still handing over. */
    boolean drained() {
        return acceptorsInAccept.get() == 0
                && beingAccepted.count() == 0
                && openEndPoints().isEmpty();
    }

    int connectionsOpen() {
        return openEndPoints().size() + beingAccepted.count();
    }

    /** The opened connections; one just closed may not have left Jetty's list yet. */
    List<EndPoint> openEndPoints() {
        return getConnectedEndPoints().stream().filter(EndPoint::isOpen).toList();
    }

    @Override
    public void accept(int acceptorID) throws IOException {
        // from the kernel's accept until the connection is announced, only this count knows of it
        acceptorsInAccept.incrementAndGet();
        try {
            super.accept(acceptorID);
        } finally {
            acceptorsInAccept.decrementAndGet();
        }
    }
}
