package api.auth;

import api.config.IpAddress;

/** IP address literals from request headers, read as {@code TRUSTED_PROXIES} is: web may not depend on config. */
public final class IpLiteral {
    private IpLiteral() {}

    /** The address's bytes, IPv4-mapped IPv6 as IPv4, or null; never a DNS query. */
    public static byte[] bytes(String address) {
        return IpAddress.bytes(address);
    }
}
