package api.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shipped defaults file and the configuration reference say what {@link Settings} declares, key for key. */
class SettingsDocsTest {
    private static final Path PROPERTIES = Path.of("config", "application.properties");
    private static final Path REFERENCE = Path.of("src", "docs", "configuration.md");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([A-Z0-9_]+)` \\| ([^|]*) \\|");

    @Test
    void the_shipped_defaults_file_is_the_declared_defaults() throws IOException {
        String expected = Settings.propertiesFile();
        String actual = Files.readString(PROPERTIES);
        if (!expected.equals(actual)) {
            Path regenerated = Path.of("target", "application.properties");
            Files.writeString(regenerated, expected);
            assertEquals(expected, actual, "config/application.properties differs from Settings: see " + regenerated);
        }
    }

    @Test
    void the_reference_has_a_row_for_every_key_with_its_default() throws IOException {
        String reference = Files.readString(REFERENCE);
        for (Setting<?> setting : Settings.ALL) {
            Matcher row = Pattern.compile("(?m)^\\| `" + setting.key() + "` \\| ([^|]*) \\|")
                    .matcher(reference);
            assertTrue(row.find(), setting.key() + " has no row in " + REFERENCE);
            String shown = setting.defaultValue().isEmpty() ? "(none)" : "`" + setting.defaultValue() + "`";
            assertEquals(shown, row.group(1).strip(), setting.key() + "'s default in " + REFERENCE);
        }
    }

    @Test
    void the_reference_says_what_each_key_means_and_accepts_as_declared() throws IOException {
        String reference = Files.readString(REFERENCE);
        for (Setting<?> setting : Settings.ALL) {
            Matcher row = Pattern.compile("(?m)^\\| `" + setting.key() + "` \\| [^|]* \\| ([^|]*) \\|")
                    .matcher(reference);
            assertTrue(row.find(), setting.key() + " has no row in " + REFERENCE);
            assertTrue(
                    row.group(1).startsWith(setting.description()),
                    setting.key() + "'s meaning in " + REFERENCE + " should start: " + setting.description());
        }
    }

    @Test
    void every_declared_default_is_a_value_its_kind_accepts() {
        for (Setting<?> setting : Settings.ALL) {
            if (!setting.defaultValue().isEmpty()) {
                assertDoesNotThrow(() -> setting.kind().parse(setting.defaultValue()), setting.key());
            }
        }
    }

    @Test
    void the_reference_names_no_key_that_is_not_declared() throws IOException {
        Matcher row = ROW.matcher(Files.readString(REFERENCE));
        List<String> declared = Settings.ALL.stream().map(Setting::key).toList();
        while (row.find()) {
            assertTrue(
                    declared.contains(row.group(1)) || row.group(1).equals("LOG_LEVEL"),
                    row.group(1) + " is in " + REFERENCE + " but not declared in Settings");
        }
    }
}
