package api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@code openapi.yaml} as the tests read it: the operations it documents and what each may answer. */
public final class OpenApiDocument {
    /** Where the schema validator finds the document; {@code #/...} pointers into it name its schemas. */
    public static final String LOCATION = "classpath:openapi.yaml";

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "patch", "options", "head", "trace");
    private static OpenApiDocument loaded;

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    /** The document, read once per test run. */
    public static synchronized OpenApiDocument get() {
        if (loaded == null) {
            try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi.yaml")) {
                loaded = new OpenApiDocument(new YAMLMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return loaded;
    }

    /** A part of the document and the JSON pointer it sits at, for the schema validator. */
    public record Located(String pointer, JsonNode node) {}

    /**
     * What the OpenAPI 3.1 specification's own JSON Schema finds wrong with the document, Schema Objects included.
     * The schema (OAI/OpenAPI-Specification, branch v3.1-dev, src/schemas/validation, as JSON) is in
     * src/test/resources/oas/3.1, so nothing is fetched.
     */
    public List<String> specificationErrors() {
        String oas = "https://spec.openapis.org/oas/3.1/";
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaIdResolvers(ids -> {
                    for (String name : List.of("schema-base", "schema", "dialect", "meta")) {
                        ids.mapPrefix(oas + name + "/WORK-IN-PROGRESS", "classpath:oas/3.1/" + name + ".json");
                    }
                }));
        Schema schema = registry.getSchema(SchemaLocation.of(oas + "schema-base/WORK-IN-PROGRESS"));
        List<String> errors = new ArrayList<>(
                schema.validate(root).stream().map(Object::toString).toList());
        nulls(root, "", errors);
        return errors;
    }

    /**
     * A null outside an example is a YAML slip the specification's schema lets through: an unquoted comma in a flow
     * mapping, {@code {description: a, b}}, makes {@code b} a key with no value, an unknown keyword to JSON Schema.
     */
    private static void nulls(JsonNode node, String pointer, List<String> errors) {
        node.fields().forEachRemaining(field -> {
            String at = pointer + "/" + escape(field.getKey());
            if (field.getValue().isNull()) {
                errors.add(at + ": null (a comma in an unquoted flow-mapping value?)");
            } else if (!field.getKey().equals("example") && !field.getKey().equals("examples")) {
                nulls(field.getValue(), at, errors);
            }
        });
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            nulls(node.get(i), pointer + "/" + i, errors);
        }
    }

    /** Every operation, as {@code "GET /posts/{id}"}. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        root.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (METHODS.contains(method)) {
                        operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        return operations;
    }

    /** The documented path a request path falls under; a path without parameters wins over a template, as in OpenAPI. */
    public Optional<String> template(String path) {
        if (root.path("paths").has(path)) {
            return Optional.of(path);
        }
        List<String> matches = new ArrayList<>();
        root.path("paths").fieldNames().forEachRemaining(template -> {
            if (path.matches(template.replaceAll("\\{[^/}]+}", "[^/]+"))) {
                matches.add(template);
            }
        });
        return matches.stream().findFirst();
    }

    public boolean has(String method, String template) {
        return root.path("paths").path(template).has(method.toLowerCase(Locale.ROOT));
    }

    /** The statuses an operation documents, for messages. */
    public List<String> statuses(String method, String template) {
        List<String> statuses = new ArrayList<>();
        operation(method, template).path("responses").fieldNames().forEachRemaining(statuses::add);
        return statuses;
    }

    /** The response an operation documents for {@code status}, its {@code $ref} followed; empty when there is none. */
    public Optional<Located> response(String method, String template, int status) {
        String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status;
        return operation(method, template).path("responses").has(String.valueOf(status))
                ? Optional.of(resolve(pointer))
                : Optional.empty();
    }

    /** The node at {@code pointer}, following a {@code $ref} to another part of the document. */
    public Located resolve(String pointer) {
        JsonNode node = root.at(pointer);
        String ref = node.path("$ref").asText(null);
        return ref == null ? new Located(pointer, node) : resolve(ref.substring(1));
    }

    /** A key as one token of a JSON pointer (RFC 6901). */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private JsonNode operation(String method, String template) {
        return root.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
    }
}
