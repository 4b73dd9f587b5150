package api.config;

/** An IP address ({@code 127.0.0.1}, {@code ::1}) or a CIDR range ({@code 10.0.0.0/8}) of them. */
public record AddressRange(byte[] network, int prefixBits) {
    static final String ACCEPTS = "IP addresses or CIDR ranges such as 10.0.0.0/8, comma separated";

    /** Throws IllegalArgumentException naming what is wrong with {@code spec}. */
    public static AddressRange parse(String spec) {
        String[] parts = spec.strip().split("/", 2);
        byte[] network = IpAddress.bytes(parts[0]);
        if (network == null) {
            throw new IllegalArgumentException("'" + spec + "' is not an IP address or CIDR range");
        }
        int bits = network.length * 8;
        if (parts.length == 2) {
            try {
                bits = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("'" + spec + "' has an invalid prefix length");
            }
        }
        return new AddressRange(network, bits);
    }

    public boolean contains(byte[] address) {
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
