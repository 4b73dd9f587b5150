package api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTableTest {
    private static final String README_HEAD = "java -jar target/api.jar [COMMAND] [--KEY=VALUE ...]\n";

    @Test
    void the_readme_lists_the_commands_as_help_prints_them() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf(README_HEAD) + README_HEAD.length();
        assertTrue(start > README_HEAD.length(), "README.md has no '" + README_HEAD.strip() + "' block");
        assertEquals(CommandTable.help(), readme.substring(start, readme.indexOf("```", start)));
    }

    @Test
    void help_prints_the_table() {
        assertTrue(Help.TEXT.contains("Commands:\n" + CommandTable.help() + "\n"), Help.TEXT);
    }

    @Test
    void a_usage_names_the_words_then_the_arguments_then_the_options() {
        var command = CommandTable.find(List.of("todos", "import", "file.json")).orElseThrow();

        assertEquals(List.of("todos", "import"), command.words());
        assertEquals(1, command.arguments());
    }

    @Test
    void words_no_command_begins_with_find_nothing() {
        assertTrue(CommandTable.find(List.of("db")).isEmpty());
        assertTrue(CommandTable.find(List.of("frobnicate")).isEmpty());
    }

    @Test
    void no_two_commands_share_their_words() {
        List<List<String>> words =
                CommandTable.ALL.stream().map(CommandTable.Command::words).toList();
        assertEquals(words.size(), words.stream().distinct().count(), words.toString());
    }
}
