package api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import api.config.AddressRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientIpTest {
    private final ClientIp loopbackTrusted = trusting(List.of("127.0.0.1", "::1"));

    @Test
    void an_untrusted_peer_is_the_client_whatever_it_forwards() {
        assertEquals("198.51.100.7", loopbackTrusted.resolve("198.51.100.7", "203.0.113.9", "203.0.113.10"));
    }

    @Test
    void a_trusted_peer_forwarding_for_a_client_names_the_client() {
        assertEquals("203.0.113.9", loopbackTrusted.resolve("127.0.0.1", "203.0.113.9", null));
    }

    @Test
    void the_rightmost_untrusted_hop_wins_over_a_forged_leftmost_one() {
        var ip = trusting(List.of("127.0.0.1", "10.0.0.0/8"));

        assertEquals("203.0.113.9", ip.resolve("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3", null));
    }

    @Test
    void x_real_ip_is_used_when_there_is_no_forwarded_for() {
        assertEquals("203.0.113.10", loopbackTrusted.resolve("127.0.0.1", null, "203.0.113.10"));
    }

    @Test
    void ipv6_loopback_peer_is_trusted_in_any_spelling() {
        assertEquals("2001:db8::1", loopbackTrusted.resolve("[0:0:0:0:0:0:0:1]", "2001:db8::1", null));
    }

    @Test
    void a_forwarded_value_that_is_not_an_address_is_ignored() {
        assertEquals("127.0.0.1", loopbackTrusted.resolve("127.0.0.1", "evil.example.com", null));
        assertEquals("127.0.0.1", loopbackTrusted.resolve("127.0.0.1", null, "<script>"));
    }

    @Test
    void a_cidr_range_trusts_every_address_in_it() {
        var ip = trusting(List.of("172.16.0.0/12"));

        assertEquals("203.0.113.9", ip.resolve("172.31.255.1", "203.0.113.9", null));
        assertEquals("172.32.0.1", ip.resolve("172.32.0.1", "203.0.113.9", null));
    }

    @Test
    void verdicts_stay_right_past_the_number_of_remembered_peers() {
        var ip = trusting(List.of("10.0.0.0/8"));

        for (int i = 0; i < 10_000; i++) {
            String trusted = "10.0." + (i / 256) + "." + (i % 256);
            String untrusted = "192.0." + (i / 256) + "." + (i % 256);
            assertEquals("203.0.113.9", ip.resolve(trusted, "203.0.113.9", null));
            assertEquals(untrusted, ip.resolve(untrusted, "203.0.113.9", null));
        }
    }

    /** An invalid TRUSTED_PROXIES stops the start in config: AppConfigTest holds that. */
    private static ClientIp trusting(List<String> ranges) {
        List<AddressRange> parsed = ranges.stream().map(AddressRange::parse).toList();
        return new ClientIp(address -> parsed.stream().anyMatch(range -> range.contains(address)));
    }
}
