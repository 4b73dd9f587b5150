package api.auth;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * Guards the operator endpoints (metrics, request logs): with {@code OPS_TOKEN} set they need
 * {@code Authorization: Bearer <OPS_TOKEN>}; without one they answer only clients on this host.
 */
public final class OpsToken {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%\\w+)?");
    static final String INVALID_TOKEN = "Invalid ops token";

    private final byte[] expectedDigest;

    public OpsToken(String token) {
        this.expectedDigest = token.isEmpty() ? null : sha256(token);
    }

    public Handler guard(Handler handler) {
        return ctx -> {
            check(ctx);
            handler.handle(ctx);
        };
    }

    private void check(Context ctx) {
        if (expectedDigest == null) {
            // the socket's peer, never a forwarded header: anyone can write those
            if (!isLoopback(ctx.req().getRemoteAddr())) {
                throw new NotAuthenticated(NotAuthenticated.NO_CREDENTIALS);
            }
            return;
        }
        String token = BearerToken.of(ctx).orElseThrow(() -> new NotAuthenticated(NotAuthenticated.NO_CREDENTIALS));
        // digests have one length, so the comparison time says nothing about the token's length either
        if (!MessageDigest.isEqual(sha256(token), expectedDigest)) {
            throw new NotAuthenticated(INVALID_TOKEN);
        }
    }

    static boolean isLoopback(String peer) {
        if (peer == null || peer.isEmpty()) {
            return false;
        }
        String literal = peer.startsWith("[") && peer.endsWith("]") ? peer.substring(1, peer.length() - 1) : peer;
        if (!IP_LITERAL.matcher(literal).matches()) {
            return false; // never resolve a name here
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
