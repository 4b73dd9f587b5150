package api.support;

import api.support.OpenApiDocument.Located;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Holds every response an API test receives to {@code openapi.yaml}: its status must be documented for the route and
 * method, its content type documented for that status, its body valid against that schema and its required headers
 * present. A failure names the request and what the document says, so the test that received it fails.
 */
public final class ResponseValidator {
    /** Where tests register their own routes (TestApp.start's extraRoutes): they are the test's, not the app's. */
    static final String TEST_ONLY_PREFIX = "/test/";
    private static final String ERROR_SCHEMA = "/components/schemas/Error";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getOpenApi31());
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ResponseValidator() {}

    public static void check(HttpResponse<String> response) {
        String method = response.request().method();
        String path = pathOf(response.request().uri());
        // test-only routes, static files from webjars and CORS preflights (Javalin's plugin answers those) are no operation
        if (path.startsWith(TEST_ONLY_PREFIX) || path.startsWith("/webjars/") || method.equals("OPTIONS")) {
            return;
        }
        if (refusedCrossOrigin(response)) {
            return;
        }
        String request = method + " " + response.request().uri().getRawPath() + " answered " + response.statusCode();
        OpenApiDocument document = OpenApiDocument.get();
        Optional<String> template = document.template(path).filter(t -> document.has(method, t));
        if (template.isEmpty()) {
            // a probe of a route the app does not have may only get the router's refusal, in the shared error shape
            if (response.statusCode() != 404 && response.statusCode() != 405) {
                throw new AssertionError(request + ", but openapi.yaml has no " + method + " " + path);
            }
            checkBody(request + " (no such route)", ERROR_SCHEMA, "application/json", response);
            return;
        }
        String operation = method + " " + template.get();
        Located documented = document.response(method, template.get(), response.statusCode()).orElseThrow(() ->
                new AssertionError(request + ", a status openapi.yaml does not document for " + operation
                        + " (it documents " + document.statuses(method, template.get()) + "); body: " + abbreviate(response.body())));
        checkHeaders(request, documented, response);
        if (!documented.node().has("content")) {
            if (!response.body().isEmpty()) {
                throw new AssertionError(request + " with a body, but openapi.yaml documents none for it: " + abbreviate(response.body()));
            }
            return;
        }
        String mediaType = mediaType(response);
        String key = contentKey(documented, mediaType).orElseThrow(() -> new AssertionError(request + " as " + mediaType
                + ", a content type openapi.yaml does not document for " + operation + " " + response.statusCode()));
        checkBody(request, documented.pointer() + "/content/" + OpenApiDocument.escape(key) + "/schema", mediaType, response);
    }

    /**
     * Javalin 6's CORS plugin marks a request from an origin not in CORS_ORIGINS 400 but lets the route write its usual
     * body; no schema can say so per route, and a browser shows such an answer to no page, so only the status is kept.
     */
    private static boolean refusedCrossOrigin(HttpResponse<String> response) {
        return response.statusCode() == 400 && response.request().headers().firstValue("Origin").isPresent()
                && response.headers().firstValue("Access-Control-Allow-Origin").isEmpty();
    }

    private static void checkHeaders(String request, Located documented, HttpResponse<String> response) {
        documented.node().path("headers").fieldNames().forEachRemaining(name -> {
            Located header = OpenApiDocument.get().resolve(documented.pointer() + "/headers/" + OpenApiDocument.escape(name));
            if (header.node().path("required").asBoolean() && response.headers().firstValue(name).isEmpty()) {
                throw new AssertionError(request + " without the " + name + " header openapi.yaml requires");
            }
        });
    }

    private static void checkBody(String request, String schemaPointer, String mediaType, HttpResponse<String> response) {
        Schema schema = SCHEMAS.computeIfAbsent(schemaPointer, pointer -> {
            Schema loaded = REGISTRY.getSchema(SchemaLocation.of(OpenApiDocument.LOCATION + "#" + pointer));
            loaded.initializeValidators();
            return loaded;
        });
        List<Error> errors;
        try {
            errors = isJson(mediaType)
                    ? schema.validate(response.body(), InputFormat.JSON, strictFormats())
                    : schema.validate(TextNode.valueOf(response.body()), strictFormats()); // text bodies are one string
        } catch (RuntimeException e) {
            throw new AssertionError(request + " with a body that is not " + mediaType + ": " + abbreviate(response.body()), e);
        }
        if (!errors.isEmpty()) {
            throw new AssertionError(request + " with a body that openapi.yaml's #" + schemaPointer + " rejects: "
                    + errors + "; body: " + abbreviate(response.body()));
        }
    }

    private static Consumer<ExecutionContext> strictFormats() {
        return context -> context.executionConfig(config -> config.formatAssertionsEnabled(true));
    }

    private static Optional<String> contentKey(Located documented, String mediaType) {
        List<String> keys = new ArrayList<>();
        documented.node().path("content").fieldNames().forEachRemaining(keys::add);
        return keys.stream().filter(key -> base(key).equals(mediaType)).findFirst();
    }

    /** Javalin ignores a trailing slash, so the document names each path without one. */
    private static String pathOf(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String mediaType(HttpResponse<String> response) {
        return base(response.headers().firstValue("Content-Type").orElse(""));
    }

    private static String base(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...(" + body.length() + " chars)";
    }
}
