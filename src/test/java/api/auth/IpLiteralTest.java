package api.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class IpLiteralTest {

    @Test
    void an_ipv4_address_is_its_four_bytes() {
        assertArrayEquals(new byte[] {(byte) 203, 0, 113, 9}, IpLiteral.bytes("203.0.113.9"));
    }

    @Test
    void an_ipv6_address_is_its_sixteen_bytes() {
        assertEquals(16, IpLiteral.bytes("2001:db8::1").length);
        assertEquals(16, IpLiteral.bytes("[2001:db8::1]").length);
    }

    @Test
    void an_ipv4_mapped_ipv6_address_is_the_ipv4_address() {
        assertArrayEquals(new byte[] {127, 0, 0, 1}, IpLiteral.bytes("::ffff:127.0.0.1"));
    }

    @Test
    void a_name_is_not_an_address_even_when_it_is_all_hex_digits() {
        assertNull(IpLiteral.bytes("cafe"));
        assertNull(IpLiteral.bytes("localhost"));
        assertNull(IpLiteral.bytes("example.com"));
    }

    @Test
    void an_octet_over_255_is_not_an_address() {
        assertNull(IpLiteral.bytes("1.2.3.999"));
    }
}
