package api.users;

import io.javalin.http.Context;
import java.util.List;

/** The address a request came from, seen through the reverse proxies we were told to trust. */
final class ClientAddress {
    private ClientAddress() {}

    /**
     * Behind nginx every request comes from 127.0.0.1, so the proxy's X-Forwarded-For is read instead:
     * from the right, skipping our own proxies, because anything left of them was written by the client.
     */
    static String of(Context ctx, List<String> trustedProxies) {
        String peer = ctx.req().getRemoteAddr();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
