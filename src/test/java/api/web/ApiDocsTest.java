package api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Api;
import api.support.AppRoutes;
import api.support.OpenApiDocument;
import api.support.TestApp;
import api.support.TestDbs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ApiDocsTest {
    private static final Pattern ASSET = Pattern.compile("(?:src|href)\\s*=\\s*[\"']([^\"']+)[\"']");

    private final TestApp app = Api.on(TestDbs.h2());

    @Test
    void the_document_has_exactly_the_routes_the_app_serves() {
        Set<String> routes = AppRoutes.of(TestDbs.h2());
        Set<String> documented = OpenApiDocument.get().operations();

        Set<String> undocumented = new TreeSet<>(routes);
        undocumented.removeAll(documented);
        Set<String> unrouted = new TreeSet<>(documented);
        unrouted.removeAll(routes);
        assertTrue(
                undocumented.isEmpty() && unrouted.isEmpty(),
                "routes missing from openapi.yaml: " + undocumented
                        + "; operations in openapi.yaml that the app does not route: " + unrouted);
    }

    @Test
    void openapi_yaml_is_a_valid_openapi_3_1_document() {
        assertEquals(List.of(), OpenApiDocument.get().specificationErrors());
    }

    @Test
    void openapi_json_serves_openapi_yaml_as_json() throws IOException {
        try (InputStream yaml = ApiDocs.class.getResourceAsStream("/openapi.yaml")) {
            assertEquals(
                    new YAMLMapper().readTree(yaml), app.get(ApiDocs.SPEC_PATH).json());
        }
    }

    @Test
    void openapi_json_describes_the_social_routes_with_their_errors() {
        JsonNode paths = app.get(ApiDocs.SPEC_PATH).json().get("paths");

        assertTrue(paths.get("/posts/{id}").get("put").get("responses").has("403"));
        assertTrue(paths.get("/vote").get("post").get("responses").has("409"));
        assertTrue(paths.get("/login").get("post").get("responses").has("429"));
        assertTrue(paths.get("/users").get("post").has("requestBody"));
    }

    @Test
    void openapi_json_uses_the_wire_names_of_fields() {
        JsonNode schemas = app.get(ApiDocs.SPEC_PATH).json().get("components").get("schemas");

        assertTrue(schemas.get("PostWithVotes").get("properties").has("Post"));
        assertTrue(schemas.get("Post").get("properties").has("owner_id"));
        assertTrue(schemas.get("Post").get("properties").has("created_at"));
        assertTrue(schemas.get("NewVote").get("properties").has("post_id"));
        assertTrue(schemas.get("Token").get("properties").has("access_token"));
    }

    @Test
    void openapi_json_offers_the_password_login_to_swagger_ui() {
        JsonNode scheme = app.get(ApiDocs.SPEC_PATH)
                .json()
                .get("components")
                .get("securitySchemes")
                .get(ApiDocs.SECURITY);

        assertEquals("oauth2", scheme.get("type").asText());
        assertEquals(
                "/login", scheme.get("flows").get("password").get("tokenUrl").asText());
    }

    @Test
    void swagger_ui_loads_only_assets_from_the_jar() {
        assertPageUsesOnlyLocalAssets(ApiDocs.SWAGGER_PATH);
    }

    @Test
    void redoc_loads_only_assets_from_the_jar() {
        assertPageUsesOnlyLocalAssets(ApiDocs.REDOC_PATH);
    }

    @Test
    void docs_pages_let_the_browser_fetch_only_from_this_server() {
        for (String page : List.of(ApiDocs.SWAGGER_PATH, ApiDocs.REDOC_PATH)) {
            String policy = app.get(page).header("Content-Security-Policy");

            assertTrue(policy != null && policy.startsWith("default-src 'self';"), page + ": " + policy);
            assertFalse(policy.contains("http"), page + ": " + policy);
        }
    }

    private void assertPageUsesOnlyLocalAssets(String page) {
        var response = app.get(page);
        assertEquals(200, response.status());
        assertFalse(response.body().contains("https://"), page + " refers to a remote address");
        assertFalse(response.body().contains("http://"), page + " refers to a remote address");
        List<String> assets = new ArrayList<>();
        Matcher matcher = ASSET.matcher(response.body());
        while (matcher.find()) {
            assets.add(matcher.group(1));
        }
        assertFalse(assets.isEmpty(), page + " loads no assets at all");
        for (String asset : assets) {
            assertTrue(asset.startsWith("/"), asset);
            assertEquals(200, app.get(asset).status(), asset);
        }
    }
}
