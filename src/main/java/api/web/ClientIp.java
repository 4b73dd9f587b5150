package api.web;

import api.auth.IpLiteral;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Forwarding headers are believed only from a trusted proxy peer, since anyone can forge them. */
public final class ClientIp {
    /** Most requests come from a handful of peers (the proxies): their verdicts are kept, up to this many. */
    private static final int MAX_REMEMBERED = 4096;

    private final List<Range> trusted;
    private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

    /** {@code trustedProxies}: addresses ({@code 127.0.0.1}, {@code ::1}) or CIDR ranges ({@code 10.0.0.0/8}). */
    public ClientIp(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(Range::parse).toList();
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
        boolean verdict = bytes != null && trusted.stream().anyMatch(range -> range.contains(bytes));
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

    private record Range(byte[] network, int prefixBits) {
        static Range parse(String spec) {
            String[] parts = spec.strip().split("/", 2);
            byte[] network = ClientIp.parse(unbracket(parts[0]));
            if (network == null) {
                throw new IllegalArgumentException(
                        "TRUSTED_PROXIES: '" + spec + "' is not an IP address or CIDR range");
            }
            int bits = network.length * 8;
            if (parts.length == 2) {
                try {
                    bits = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("TRUSTED_PROXIES: '" + spec + "' has an invalid prefix length");
                }
            }
            return new Range(network, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
