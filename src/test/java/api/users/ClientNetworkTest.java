package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ClientNetworkTest {

    @Test
    void an_ipv4_address_is_its_own_network() {
        assertEquals("203.0.113.7", ClientNetwork.of("203.0.113.7"));
        assertNotEquals(ClientNetwork.of("203.0.113.7"), ClientNetwork.of("203.0.113.8"));
    }

    @Test
    void ipv6_addresses_in_one_64_are_one_network() {
        assertEquals(ClientNetwork.of("2001:db8:1:2::1"), ClientNetwork.of("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientNetwork.of("2001:DB8:1:2::abcd"));
    }

    @Test
    void ipv6_addresses_in_different_64s_are_different_networks() {
        assertNotEquals(ClientNetwork.of("2001:db8:1:2::1"), ClientNetwork.of("2001:db8:1:3::1"));
    }

    @Test
    void an_ipv4_mapped_ipv6_address_counts_as_its_ipv4_address() {
        assertEquals("203.0.113.7", ClientNetwork.of("::ffff:203.0.113.7"));
        assertEquals("203.0.113.7", ClientNetwork.of("[::ffff:cb00:7107]"));
    }

    @Test
    void brackets_and_a_zone_do_not_make_another_network() {
        assertEquals(ClientNetwork.of("fe80::1"), ClientNetwork.of("[fe80::1%eth0]"));
    }

    @Test
    void text_that_is_no_ip_literal_is_counted_as_written_without_a_lookup() {
        assertEquals("localhost", ClientNetwork.of("localhost"));
        assertEquals("999.1.1.1", ClientNetwork.of("999.1.1.1"));
        assertEquals("cafe", ClientNetwork.of("cafe"));
    }
}
