package api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message src/docs/troubleshooting.md quotes is one the code writes: each table row's first quoted text, its
 * variable parts written as {@code <placeholders>}, must have every fixed part in one string literal of the main
 * sources (literals joined with {@code +} count as one). A message reworded in the code fails here until the page
 * says it too.
 */
class TroubleshootingMessagesTest {
    private static final Path PAGE = Path.of("src/docs/troubleshooting.md");
    /** Main prints a configuration problem behind this, in one place. */
    private static final String CONFIG_ERROR = "config error: ";

    private static final Pattern ROW_MESSAGE = Pattern.compile("(?m)^\\| [^`|]*`([^`]+)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^>]+>");
    private static final Pattern JOINED_LITERALS = Pattern.compile("\"\\s*\\+\\s*\"");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    @Test
    void every_quoted_message_is_written_by_the_code() throws IOException {
        String literals = mainLiterals();
        assertTrue(
                literals.contains(CONFIG_ERROR), "Main no longer prefixes config errors with '" + CONFIG_ERROR + "'");
        List<String> missing = new ArrayList<>();
        List<String> messages = quotedMessages();
        for (String message : messages) {
            String text = message.startsWith(CONFIG_ERROR) ? message.substring(CONFIG_ERROR.length()) : message;
            for (String part : PLACEHOLDER.split(text)) {
                // the spaces around a variable part may be the code's, or joined to it
                if (!part.isBlank() && !literals.contains(part.strip())) {
                    missing.add("'" + part + "' of: " + message);
                }
            }
        }
        assertTrue(messages.size() >= 20, "only " + messages.size() + " messages read from " + PAGE);
        assertEquals(List.of(), missing, "quoted in " + PAGE + " but written nowhere in src/main/java");
    }

    private static List<String> quotedMessages() throws IOException {
        List<String> messages = new ArrayList<>();
        Matcher row = ROW_MESSAGE.matcher(Files.readString(PAGE));
        while (row.find()) {
            messages.add(row.group(1));
        }
        return messages;
    }

    /** Every string literal of the main sources, unescaped, one a line. */
    private static String mainLiterals() throws IOException {
        var text = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher literal = LITERAL.matcher(
                        JOINED_LITERALS.matcher(Files.readString(file)).replaceAll(""));
                while (literal.find()) {
                    text.append(literal.group(1).replace("\\\"", "\"").replace("\\\\", "\\"))
                            .append('\n');
                }
            }
        }
        return text.toString();
    }
}
