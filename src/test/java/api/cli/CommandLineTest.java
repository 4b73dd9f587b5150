package api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.config.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void flags_become_config_keys_and_the_rest_are_command_words() {
        CommandLine cli = CommandLine.parse(
                new String[] {"db", "downgrade", "--database-url=mysql://u:p@h/d", "1", "--port", "8001"});
        assertEquals(List.of("db", "downgrade", "1"), cli.words());
        assertEquals(Map.of("DATABASE_URL", "mysql://u:p@h/d", "PORT", "8001"), cli.flags());
    }

    @Test
    void help_is_recognised() {
        assertTrue(CommandLine.parse(new String[] {"--help"}).help());
    }

    @Test
    void flag_without_value_is_an_error() {
        var error = assertThrows(ConfigException.class, () -> CommandLine.parse(new String[] {"--port"}));
        assertTrue(error.getMessage().contains("--port"));
    }

    @Test
    void owner_is_an_option_of_the_command_not_a_config_key() {
        CommandLine cli =
                CommandLine.parse(new String[] {"todos", "import", "--owner", "a@example.com", "f.json", "--port=1"});
        assertEquals(List.of("todos", "import", "f.json"), cli.words());
        assertEquals("a@example.com", cli.option("owner"));
        assertEquals(Map.of("PORT", "1"), cli.flags());
    }
}
