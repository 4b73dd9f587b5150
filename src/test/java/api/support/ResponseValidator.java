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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Holds every response an API test receives to {@code openapi.yaml}: its status must be documented for the route and
 * method, its content type documented for that status, its body valid against that schema and its required headers
 * present. A failure names the request and what the document says, so the test that received it fails.
 */
public final class ResponseValidator {
    /** Where tests register their own routes (TestApp.start's extraRoutes): they are the test's, not the app's. */
    static final String TEST_ONLY_PREFIX = "/test/";

    private static final String ERROR_SCHEMA = "/components/schemas/Error";
    /** The router's 404 and 405, and Jetty's 400, 414 and 431 for a request it refuses before any route is chosen. */
    private static final Set<Integer> REFUSALS = Set.of(400, 404, 405, 414, 431);

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getOpenApi31());
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ResponseValidator() {}

    /** One request and its answer, whichever client sent and read them; {@code header} reads a response header or null. */
    public record Exchange(
            String method, String target, boolean crossOrigin, int status, UnaryOperator<String> header, String body) {}

    public static void check(HttpResponse<String> response) {
        HttpRequest request = response.request();
        check(new Exchange(
                request.method(),
                request.uri().getRawPath(),
                request.headers().firstValue("Origin").isPresent(),
                response.statusCode(),
                name -> response.headers().firstValue(name).orElse(null),
                response.body()));
    }

    public static void check(Exchange exchange) {
        String method = exchange.method();
        String path = pathOf(exchange.target());
        // test-only routes, static files from webjars and CORS preflights (Javalin's plugin answers those) are no
        // operation
        if (path.startsWith(TEST_ONLY_PREFIX) || path.startsWith("/webjars/") || method.equals("OPTIONS")) {
            return;
        }
        if (refusedCrossOrigin(exchange)) {
            return;
        }
        String request = method + " " + abbreviate(exchange.target()) + " answered " + exchange.status();
        OpenApiDocument document = OpenApiDocument.get();
        Optional<String> template = document.template(path).filter(t -> document.has(method, t));
        if (template.isEmpty()) {
            // a request for a route the app does not have may only be refused, by the router or by Jetty before routing
            if (!REFUSALS.contains(exchange.status())) {
                throw new AssertionError(request + ", but openapi.yaml has no " + method + " " + abbreviate(path));
            }
            checkBody(request + " (no such route)", ERROR_SCHEMA, "application/json", exchange);
            return;
        }
        String operation = method + " " + template.get();
        Located documented = document.response(method, template.get(), exchange.status())
                .orElseThrow(() -> new AssertionError(request + ", a status openapi.yaml does not document for "
                        + operation + " (it documents " + document.statuses(method, template.get()) + "); body: "
                        + abbreviate(exchange.body())));
        checkHeaders(request, documented, exchange);
        if (!documented.node().has("content")) {
            if (!exchange.body().isEmpty()) {
                throw new AssertionError(request + " with a body, but openapi.yaml documents none for it: "
                        + abbreviate(exchange.body()));
            }
            return;
        }
        String mediaType = mediaType(exchange);
        String key = contentKey(documented, mediaType)
                .orElseThrow(() -> new AssertionError(
                        request + " as " + mediaType + ", a content type openapi.yaml does not document for "
                                + operation + " " + exchange.status()));
        checkBody(
                request,
                documented.pointer() + "/content/" + OpenApiDocument.escape(key) + "/schema",
                mediaType,
                exchange);
    }

    /**
     * Javalin 6's CORS plugin marks a request from an origin not in CORS_ORIGINS 400 but lets the route write its usual
     * body; no schema can say so per route, and a browser shows such an answer to no page, so only the status is kept.
     */
    private static boolean refusedCrossOrigin(Exchange exchange) {
        return exchange.status() == 400
                && exchange.crossOrigin()
                && exchange.header().apply("Access-Control-Allow-Origin") == null;
    }

    private static void checkHeaders(String request, Located documented, Exchange exchange) {
        documented.node().path("headers").fieldNames().forEachRemaining(name -> {
            Located header =
                    OpenApiDocument.get().resolve(documented.pointer() + "/headers/" + OpenApiDocument.escape(name));
            if (header.node().path("required").asBoolean() && exchange.header().apply(name) == null) {
                throw new AssertionError(request + " without the " + name + " header openapi.yaml requires");
            }
        });
    }

    private static void checkBody(String request, String schemaPointer, String mediaType, Exchange exchange) {
        Schema schema = SCHEMAS.computeIfAbsent(schemaPointer, pointer -> {
            Schema loaded = REGISTRY.getSchema(SchemaLocation.of(OpenApiDocument.LOCATION + "#" + pointer));
            loaded.initializeValidators();
            return loaded;
        });
        List<Error> errors;
        try {
            errors = isJson(mediaType)
                    ? schema.validate(exchange.body(), InputFormat.JSON, strictFormats())
                    : schema.validate(TextNode.valueOf(exchange.body()), strictFormats()); // text bodies are one string
        } catch (RuntimeException e) {
            throw new AssertionError(
                    request + " with a body that is not " + mediaType + ": " + abbreviate(exchange.body()), e);
        }
        if (!errors.isEmpty()) {
            throw new AssertionError(request + " with a body that openapi.yaml's #" + schemaPointer + " rejects: "
                    + errors + "; body: " + abbreviate(exchange.body()));
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

    /** The path of a request target, without its query; Javalin ignores a trailing slash, so the document has none. */
    private static String pathOf(String target) {
        String path = target == null ? "" : target.split("[?#]", 2)[0];
        if (path.isEmpty()) {
            return "/";
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String mediaType(Exchange exchange) {
        String contentType = exchange.header().apply("Content-Type");
        return base(contentType == null ? "" : contentType);
    }

    private static String base(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...(" + body.length() + " chars)";
    }
}
