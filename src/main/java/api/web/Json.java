package api.web;

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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;

/** The one JSON configuration: snake_case fields, ISO-8601 timestamps with an explicit +00:00 offset. */
public final class Json {
    private Json() {}

    /** Microseconds and "+00:00", as the FastAPI original wrote them (e.g. 2021-08-29T23:42:58.021392+00:00). */
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addSerializer(Instant.class, new InstantSerializer()))
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // {"title": "t"} garbage is not JSON; Jackson would stop after the first value and call it valid
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * The request body as JSON. Malformed input, malformed UTF-8 included, is the 422 {@code json_invalid} answer;
     * see {@link #parseUtf8}.
     */
    public static JsonNode body(Context ctx) {
        try {
            return parseUtf8(ctx.bodyAsBytes());
        } catch (IOException e) {
            throw RequestValidationError.jsonDecodeError();
        }
    }

    /**
     * JSON from bytes that must be well-formed UTF-8 (RFC 8259). Decoding to a String the usual way replaces malformed
     * sequences with U+FFFD, and Jackson's own UTF-8 reader lets overlong forms ("C0 AF" for "/"), encoded surrogates
     * and code points past U+10FFFF through; the JDK's decoder, set to report, refuses all of them. Strings that
     * escape an unpaired surrogate are refused too.
     */
    public static JsonNode parseUtf8(byte[] bytes) throws IOException {
        String text = StandardCharsets.UTF_8.newDecoder()
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

    /**
     * {@link #TIMESTAMP}'s text, written by hand for years 0 to 9999: the formatter computes the fraction through
     * BigDecimal, and a page of posts carries 20 timestamps (4% of GET /posts's CPU).
     */
    public static String timestamp(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return TIMESTAMP.format(instant);
        }
        char[] text = "0000-00-00T00:00:00.000000+00:00".toCharArray();
        digits(text, 0, t.getYear(), 4);
        digits(text, 5, t.getMonthValue(), 2);
        digits(text, 8, t.getDayOfMonth(), 2);
        digits(text, 11, t.getHour(), 2);
        digits(text, 14, t.getMinute(), 2);
        digits(text, 17, t.getSecond(), 2);
        digits(text, 20, t.getNano() / 1000, 6);
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(timestamp(value));
        }
    }
}
