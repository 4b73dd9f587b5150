package api.auth;

import api.db.Sha256;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;

/**
 * Guards the operator endpoints (metrics, request logs): with {@code OPS_TOKEN} set they need
 * {@code Authorization: Bearer <OPS_TOKEN>}; without one they answer only clients on this host.
 */
public final class OpsToken {
    static final String INVALID_TOKEN = "Invalid ops token";

    private final byte[] expectedDigest;

    public OpsToken(String token) {
        this.expectedDigest = token.isEmpty() ? null : Sha256.of(token);
    }

    /** Throws {@link NotAuthenticated} unless the request may read the operator endpoints. */
    public void check(Context ctx) {
        if (expectedDigest == null) {
            // the socket's peer, never a forwarded header: anyone can write those
            if (!isLoopback(ctx.req().getRemoteAddr())) {
                throw new NotAuthenticated(NotAuthenticated.NO_CREDENTIALS);
            }
            return;
        }
        String token = BearerToken.of(ctx).orElseThrow(() -> new NotAuthenticated(NotAuthenticated.NO_CREDENTIALS));
        // digests have one length, so the comparison time says nothing about the token's length either
        if (!MessageDigest.isEqual(Sha256.of(token), expectedDigest)) {
            throw new NotAuthenticated(INVALID_TOKEN);
        }
    }

    static boolean isLoopback(String peer) {
        byte[] address = IpLiteral.bytes(peer);
        try {
            return address != null && InetAddress.getByAddress(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
