package api.todos;

import api.web.ApiError;
import api.web.Json;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Loads a JSON array of todos or a DynamoDB batch-write-item file, checking every item first and writing all in one
 * transaction, so a bad file imports nothing. Item ids are ignored: the database assigns ours.
 */
public final class TodoImport {

    public static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private final TodoDao todos;

    public TodoImport(TodoDao todos) {
        this.todos = todos;
    }

    /** Returns how many todos were imported, every one of them {@code owner}'s. */
    public int run(Path file, long owner) throws Failure {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failure("cannot read " + file + ": " + e.getMessage());
        }
        return todos.importAll(parse(text), owner);
    }

    static List<NewTodo> parse(String text) throws Failure {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JacksonException e) {
            throw new Failure("not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        }
        if (root != null && root.isArray()) {
            return plainItems(root);
        }
        if (root != null && root.isObject() && !root.isEmpty()) {
            return batchWriteItems(root);
        }
        throw new Failure("expected a JSON array of todos or a batch-write-item request like "
                + "{\"Todos\": [{\"PutRequest\": {\"Item\": {...}}}]}");
    }

    private static List<NewTodo> plainItems(JsonNode array) throws Failure {
        List<NewTodo> items = new ArrayList<>();
        for (JsonNode item : array) {
            items.add(todo(items.size() + 1, item));
        }
        return items;
    }

    private static List<NewTodo> batchWriteItems(JsonNode request) throws Failure {
        List<NewTodo> items = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> tables = request.fields(); tables.hasNext(); ) {
            Map.Entry<String, JsonNode> table = tables.next();
            if (!table.getValue().isArray()) {
                throw new Failure("\"" + table.getKey() + "\" must be an array of {\"PutRequest\": {\"Item\": {...}}}");
            }
            for (JsonNode write : table.getValue()) {
                int number = items.size() + 1;
                JsonNode item = write.path("PutRequest").path("Item");
                if (!item.isObject()) {
                    throw new Failure("item " + number + ": expected {\"PutRequest\": {\"Item\": {...}}}");
                }
                items.add(todo(number, untyped(number, item)));
            }
        }
        return items;
    }

    private static NewTodo todo(int number, JsonNode item) throws Failure {
        String label = "item " + number + (item.hasNonNull("id") ? " (id " + item.get("id") + ")" : "");
        try {
            NewTodo todo = NewTodo.from(item);
            JsonNode completed = item.path("completed");
            if (!completed.isMissingNode() && !completed.isNull() && !completed.isBoolean()) {
                throw ApiError.badRequest("completed must be true or false.");
            }
            return todo.withCompleted(completed.asBoolean(false));
        } catch (ApiError e) {
            throw new Failure(label + ": " + e.getMessage());
        }
    }

    /** DynamoDB's typed attributes ({"S": "..."}, {"N": "3"}, {"BOOL": false}, {"NULL": true}) as plain JSON. */
    private static JsonNode untyped(int number, JsonNode item) throws Failure {
        ObjectNode plain = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> attributes = item.fields(); attributes.hasNext(); ) {
            Map.Entry<String, JsonNode> attribute = attributes.next();
            JsonNode typed = attribute.getValue();
            String type =
                    typed.isObject() && typed.size() == 1 ? typed.fieldNames().next() : "";
            JsonNode value = typed.path(type);
            String where = "item " + number + ": attribute " + attribute.getKey();
            switch (type) {
                case "S" -> plain.put(attribute.getKey(), value.asText());
                case "BOOL" -> plain.set(attribute.getKey(), value);
                case "NULL" -> plain.putNull(attribute.getKey());
                case "N" -> {
                    try {
                        BigDecimal n = new BigDecimal(value.asText());
                        plain.set(
                                attribute.getKey(),
                                n.stripTrailingZeros().scale() <= 0
                                        ? JsonNodeFactory.instance.numberNode(n.toBigInteger())
                                        : JsonNodeFactory.instance.numberNode(n));
                    } catch (NumberFormatException e) {
                        throw new Failure(where + ": \"" + value.asText() + "\" is not a number");
                    }
                }
                default ->
                    throw new Failure(where
                            + " must be a typed value such as {\"S\": \"...\"}, {\"N\": \"3\"} or {\"BOOL\": false}");
            }
        }
        return plain;
    }
}
