package api.web;

import api.auth.IpLiteral;
import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** Forwarding headers are believed only from a trusted proxy peer, since anyone can forge them. */
public final class ClientIp {
    /** Most requests come from a handful of peers (the proxies): their verdicts are kept, up to this many. */
    private static final int MAX_REMEMBERED = 4096;

    private final Predicate<byte[]> trusted;
    private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

    /** {@code trustedProxy}: whether an address, as bytes, is one of {@code TRUSTED_PROXIES}, checked at start. */
    public ClientIp(Predicate<byte[]> trustedProxy) {
        this.trusted = trustedProxy;
    }

    public String of(Context ctx) {
        return resolve(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"), ctx.header("X-Real-IP"));
    }

    /**
     * Jetty's own TLS, or {@code X-Forwarded-Proto: https} from a trusted proxy (its first value is what the proxy
     * nearest the client saw).
     */
    public boolean overHttps(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.req().getScheme())) {
            return true;
        }
        String proto = ctx.header("X-Forwarded-Proto");
        return proto != null
                && isTrusted(unbracket(ctx.req().getRemoteAddr()))
                && "https".equalsIgnoreCase(proto.split(",", 2)[0].strip());
    }

    String resolve(String peer, String forwardedFor, String realIp) {
        String direct = unbracket(peer);
        if (!isTrusted(direct)) {
            return direct;
        }
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            // each proxy appends the address it saw: the first untrusted one from the right is the client
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = unbracket(hops[i].strip());
                if (parse(hop) == null) {
                    return direct;
                }
                if (!isTrusted(hop) || i == 0) {
                    return hop;
                }
            }
        }
        if (realIp != null && parse(unbracket(realIp.strip())) != null) {
            return unbracket(realIp.strip());
        }
        return direct;
    }

    private boolean isTrusted(String address) {
        if (address == null) {
            return false;
        }
        Boolean known = verdicts.get(address);
        if (known != null) {
            return known;
        }
        byte[] bytes = parse(address);
        boolean verdict = bytes != null && trusted.test(bytes);
        if (verdicts.size() >= MAX_REMEMBERED) {
            verdicts.clear();
        }
        verdicts.put(address, verdict);
        return verdict;
    }

    private static String unbracket(String address) {
        return address != null && address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1)
                : address;
    }

    private static byte[] parse(String address) {
        return IpLiteral.bytes(address);
    }
}
