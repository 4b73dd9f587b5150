package api.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsrfTest {

    @Test
    void an_origin_of_another_host_is_cross_site() {
        assertTrue(Csrf.crossSite("https://evil.example", null, "tasks.example.com"));
        assertTrue(Csrf.crossSite("https://tasks.example.com.evil.example", null, "tasks.example.com"));
        assertTrue(Csrf.crossSite("https://evil.example", "same-origin", "tasks.example.com"));
    }

    @Test
    void an_opaque_or_unreadable_origin_is_cross_site() {
        assertTrue(Csrf.crossSite("null", null, "tasks.example.com"));
        assertTrue(Csrf.crossSite("::not a uri::", null, "tasks.example.com"));
        assertTrue(Csrf.crossSite("https://tasks.example.com", null, null));
    }

    @Test
    void sec_fetch_site_cross_site_is_cross_site_whatever_the_origin() {
        assertTrue(Csrf.crossSite(null, "cross-site", "tasks.example.com"));
        assertTrue(Csrf.crossSite("https://tasks.example.com", "Cross-Site", "tasks.example.com"));
    }

    @Test
    void the_own_host_is_same_site_whatever_the_scheme_port_or_case() {
        assertFalse(Csrf.crossSite("https://tasks.example.com", "same-origin", "tasks.example.com"));
        assertFalse(Csrf.crossSite("http://localhost:8080", null, "localhost")); // nginx's Host $host drops the port
        assertFalse(Csrf.crossSite("http://127.0.0.1:8000", null, "127.0.0.1:8000"));
        assertFalse(Csrf.crossSite("http://[::1]:8000", null, "[::1]:8000"));
        assertFalse(Csrf.crossSite("https://Tasks.Example.com", null, "tasks.example.COM"));
    }

    @Test
    void a_request_without_origin_or_fetch_metadata_is_left_to_the_token() {
        assertFalse(Csrf.crossSite(null, null, "tasks.example.com"));
        assertFalse(Csrf.crossSite(null, "none", "tasks.example.com"));
    }

    @Test
    void a_token_matches_only_itself_and_never_when_missing() {
        assertTrue(Csrf.matches("abc", "abc"));
        assertFalse(Csrf.matches("abc", "abd"));
        assertFalse(Csrf.matches("abc", null));
        assertFalse(Csrf.matches(null, "abc"));
        assertFalse(Csrf.matches("", ""));
    }
}
