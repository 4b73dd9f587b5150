package api.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The top-level unit (one instance, the gunicorn service it stands in for) and the template behind the two
 * load-balanced instances say the same, but for what makes an instance one of two: its description and its port.
 */
class SystemdUnitsTest {

    @Test
    void the_single_instance_unit_is_the_template_without_its_port() throws IOException {
        assertEquals(
                directives(Path.of("config/systemd/api@.service")).stream()
                        .filter(line -> !line.startsWith("Description=") && !line.equals("Environment=PORT=%i"))
                        .map(line -> line.replace(" --port=%i", ""))
                        .toList(),
                directives(Path.of("gunicorn-equivalent.service")).stream()
                        .filter(line -> !line.startsWith("Description="))
                        .toList());
    }

    private static List<String> directives(Path unit) throws IOException {
        return Files.readAllLines(unit).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }
}
