package api.web;

import api.db.InstantsAsText;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/** The one JSON configuration: snake_case fields, timestamps as {@link InstantsAsText#isoUtc} writes them. */
public final class Json {
    private Json() {}

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(Instant.class, new InstantSerializer()))
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // {"title": "t"} garbage is not JSON; Jackson would stop after the first value and call it valid
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Malformed input, malformed UTF-8 included, is the 422 {@code json_invalid} answer. */
    public static JsonNode body(Context ctx) {
        try {
            return parseUtf8(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw RequestValidationError.jsonDecodeError();
        }
    }

    /**
     * Requires well-formed UTF-8 (RFC 8259), which the usual String decoding and Jackson's own reader let slip;
     * unpaired surrogate escapes are refused too.
     */
    public static JsonNode parseUtf8(byte[] bytes) throws IOException {
        String text = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        JsonNode node = MAPPER.readTree(text);
        if (!isUnicode(node)) {
            // "\ud800" is valid JSON grammar but no text; MySQL would store it as "?"
            throw new JsonParseException(null, "a string holds an unpaired surrogate escape");
        }
        return node;
    }

    private static boolean isUnicode(JsonNode node) {
        if (node.isTextual()) {
            return isUnicode(node.textValue());
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!isUnicode(field.getKey()) || !isUnicode(field.getValue())) {
                return false;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!isUnicode(element)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** No unpaired surrogate: every high surrogate followed by a low one, no low one on its own. */
    private static boolean isUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(InstantsAsText.isoUtc(value));
        }
    }
}
