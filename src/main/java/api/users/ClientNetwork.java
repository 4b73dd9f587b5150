package api.users;

import api.auth.IpLiteral;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The network a client address is counted in: an IPv4 address alone, an IPv6 address by its /64, since one host is
 * routinely given a whole /64 and could otherwise try from a new address every time.
 */
final class ClientNetwork {
    private ClientNetwork() {}

    /** One text per network; anything that is not an IP literal is counted as it is written. */
    static String of(String address) {
        byte[] bytes = IpLiteral.bytes(address);
        if (bytes == null) {
            return address;
        }
        if (bytes.length == 16) {
            Arrays.fill(bytes, 8, 16, (byte) 0);
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + (bytes.length == 16 ? "/64" : "");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a byte count other than 4 or 16
        }
    }
}
