package api.server;

import java.nio.channels.SelectableChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SelectorManager;

/**
 * Connections Jetty has taken from the kernel that no selector has opened yet: its list of connected end points does
 * not have them, and a busy machine can hold them there for a while, request bytes and all.
 */
final class ConnectionsBeingAccepted implements SelectorManager.AcceptListener, Connection.Listener {
    private final Set<SelectableChannel> channels = ConcurrentHashMap.newKeySet();

    @Override
    public void onAccepting(SelectableChannel channel) {
        channels.add(channel);
    }

    @Override
    public void onAcceptFailed(SelectableChannel channel, Throwable cause) {
        channels.remove(channel);
    }

    @Override
    public void onOpened(Connection connection) {
        channels.remove(connection.getEndPoint().getTransport());
    }

    int count() {
        // a channel closed on its way (a selector stopping, a failed open) is no longer anyone's to wait for
        channels.removeIf(channel -> !channel.isOpen());
        return channels.size();
    }
}
