package api.support;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** The guard itself: each answer here is made up, so each rule is seen to bite. */
class ResponseValidatorTest {
    private static final String USER =
            "{\"id\": 1, \"email\": \"a@example.com\", \"created_at\": \"2021-08-29T23:42:58.021392+00:00\"}";

    @Test
    void a_documented_answer_passes() {
        assertDoesNotThrow(() -> ResponseValidator.check(answer("GET", "/users/1", 200, USER)));
    }

    @Test
    void a_status_the_operation_does_not_document_fails() {
        var error =
                assertThrows(AssertionError.class, () -> ResponseValidator.check(answer("GET", "/users/1", 418, "{}")));
        assertTrue(
                error.getMessage().contains("a status openapi.yaml does not document for GET /users/{id}"),
                error.getMessage());
    }

    @Test
    void a_field_the_schema_does_not_document_fails() {
        String body = USER.replace("}", ", \"password\": \"$2a$12$hash\"}");
        var error =
                assertThrows(AssertionError.class, () -> ResponseValidator.check(answer("GET", "/users/1", 200, body)));
        assertTrue(error.getMessage().contains("'password' is not defined in the schema"), error.getMessage());
    }

    @Test
    void a_field_of_the_wrong_type_fails() {
        String body = USER.replace("\"id\": 1", "\"id\": \"1\"");
        var error =
                assertThrows(AssertionError.class, () -> ResponseValidator.check(answer("GET", "/users/1", 200, body)));
        assertTrue(error.getMessage().contains("/id: string found, integer expected"), error.getMessage());
    }

    @Test
    void a_timestamp_that_is_not_rfc_3339_fails() {
        String body = USER.replace("2021-08-29T23:42:58.021392+00:00", "2021-08-29 23:42:58");
        assertThrows(AssertionError.class, () -> ResponseValidator.check(answer("GET", "/users/1", 200, body)));
    }

    @Test
    void an_answer_on_a_route_the_document_lacks_fails() {
        var error = assertThrows(
                AssertionError.class, () -> ResponseValidator.check(answer("GET", "/users/1/friends", 200, "[]")));
        assertTrue(error.getMessage().contains("openapi.yaml has no GET /users/1/friends"), error.getMessage());
    }

    @Test
    void a_route_the_document_lacks_may_answer_404_in_the_error_shape() {
        assertDoesNotThrow(
                () -> ResponseValidator.check(answer("GET", "/users/1/friends", 404, "{\"detail\": \"Not Found\"}")));
    }

    @Test
    void a_method_the_document_lacks_may_answer_405_in_the_error_shape() {
        assertDoesNotThrow(() ->
                ResponseValidator.check(answer("DELETE", "/health", 405, "{\"detail\": \"Method Not Allowed\"}")));
    }

    @Test
    void a_path_jetty_refuses_before_routing_may_answer_400_in_the_error_shape() {
        assertDoesNotThrow(
                () -> ResponseValidator.check(answer("GET", "/..;/etc/passwd", 400, "{\"detail\": \"Bad Request\"}")));
    }

    @Test
    void a_refusal_of_a_route_the_document_lacks_must_have_the_error_shape() {
        assertThrows(
                AssertionError.class,
                () -> ResponseValidator.check(answer("GET", "/nope", 404, "text/html", "<h1>404</h1>")));
    }

    @Test
    void a_required_header_that_is_missing_fails() {
        var error = assertThrows(
                AssertionError.class,
                () -> ResponseValidator.check(answer("GET", "/users/me", 401, "{\"detail\": \"Not authenticated\"}")));
        assertTrue(error.getMessage().contains("without the WWW-Authenticate header"), error.getMessage());
    }

    @Test
    void a_content_type_the_status_does_not_document_fails() {
        var error = assertThrows(
                AssertionError.class,
                () -> ResponseValidator.check(answer("GET", "/users/1", 200, "text/html", "<p>user</p>")));
        assertTrue(error.getMessage().contains("a content type openapi.yaml does not document"), error.getMessage());
    }

    @Test
    void a_trailing_slash_reaches_the_same_operation() {
        assertDoesNotThrow(() -> ResponseValidator.check(answer("GET", "/users/1/", 200, USER)));
    }

    @Test
    void answers_of_test_only_routes_are_not_checked() {
        assertDoesNotThrow(() -> ResponseValidator.check(answer("GET", "/test/boom", 500, "text/plain", "boom")));
    }

    private static HttpResponse<String> answer(String method, String path, int status, String json) {
        return answer(method, path, status, "application/json", json);
    }

    private static HttpResponse<String> answer(
            String method, String path, int status, String contentType, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:1" + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (name, value) -> true);
        return new Answer(status, request, headers, body);
    }

    private record Answer(int statusCode, HttpRequest request, HttpHeaders headers, String body)
            implements HttpResponse<String> {
        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
