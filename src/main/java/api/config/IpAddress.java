package api.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IP address literals read without ever resolving a name: a forged header must not make the server query DNS. */
public final class IpAddress {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpAddress() {}

    /**
     * The address's bytes, IPv4-mapped IPv6 as IPv4, or null. Only IPv6-shaped text goes to InetAddress, which
     * reads text that starts with a hex digit or a colon and has a colon as a literal, never as a name to look up;
     * IPv4 is read here, since InetAddress would look a malformed one up in DNS.
     */
    public static byte[] bytes(String address) {
        if (address == null) {
            return null;
        }
        String text =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = text.indexOf('%');
        text = zone >= 0 ? text.substring(0, zone) : text;
        Matcher v4 = IPV4.matcher(text);
        if (v4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return null;
                }
                bytes[i] = (byte) octet;
            }
            return bytes;
        }
        if (!IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
