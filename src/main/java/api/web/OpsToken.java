package api.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Guards the operator endpoints (metrics, request logs) with {@code Authorization: Bearer <OPS_TOKEN>} when one is set. */
public final class OpsToken {
    private final byte[] expectedDigest;

    /** An empty token leaves the endpoints open (development); production refuses to start without one. */
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
            return;
        }
        String authorization = ctx.header(Header.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        // digests have one length, so the comparison time says nothing about the token's length either
        if (!bearer || !MessageDigest.isEqual(sha256(authorization.substring(7).strip()), expectedDigest)) {
            ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
            throw new ApiError(401, bearer ? "Invalid ops token" : "Not authenticated");
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
