package api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Api;
import api.support.TestApp;
import api.support.TestDbs;
import org.junit.jupiter.api.Test;

class SecurityHeadersApiTest {
    private final TestApp app = Api.on(TestDbs.h2());

    @Test
    void a_task_page_cannot_be_framed_by_another_site() {
        var page = app.get("/tasks/login");

        assertEquals("DENY", page.header("X-Frame-Options"));
        assertTrue(page.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
    }

    @Test
    void a_task_page_runs_only_its_own_scripts() {
        String policy = app.get("/tasks/login").header("Content-Security-Policy");

        assertTrue(policy.contains("script-src 'self'"), policy);
        assertFalse(policy.replaceAll("style-src[^;]*", "").contains("unsafe-inline"), policy);
    }

    @Test
    void a_json_answer_may_load_nothing_and_is_never_sniffed() {
        var response = app.get("/");

        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("default-src 'none'; frame-ancestors 'none'", response.header("Content-Security-Policy"));
        assertEquals("strict-origin-when-cross-origin", response.header("Referrer-Policy"));
    }

    @Test
    void an_unmatched_path_is_answered_with_the_headers_too() {
        assertEquals("DENY", app.get("/no-such-path").header("X-Frame-Options"));
    }

    @Test
    void the_docs_pages_keep_their_own_policy() {
        assertEquals(ApiDocs.CONTENT_SECURITY_POLICY, app.get("/docs").header("Content-Security-Policy"));
    }
}
