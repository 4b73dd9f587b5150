package api.cli;

import api.config.AppConfig;
import api.server.StartupPhases;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToIntFunction;

/** Every command once: {@code --help} prints this table, {@code Main} dispatches by it, a test holds the README to it. */
public final class CommandTable {
    private static final int USAGE_WIDTH = 22;
    private static final int LINE_WIDTH = 118;

    /** What a command runs with: the configuration, the start-up phases (serve logs them) and the command line. */
    public record Invocation(AppConfig config, StartupPhases phases, List<String> arguments, CommandLine line) {}

    /**
     * One command: its usage (words in lower case, then argument names in upper case, then options such as {@code
     * --owner EMAIL}), what it does, and what runs it.
     */
    public record Command(String usage, String description, ToIntFunction<Invocation> run) {
        public List<String> words() {
            return Arrays.stream(usage.split(" "))
                    .takeWhile(CommandTable::isWord)
                    .toList();
        }

        /** How many arguments follow the words: the upper-case names before any option. */
        public int arguments() {
            return (int) Arrays.stream(usage.split(" "))
                    .dropWhile(CommandTable::isWord)
                    .takeWhile(part -> !part.startsWith("--"))
                    .count();
        }

        /** What a command given too few or too many arguments prints before it exits 2. */
        public String usageError() {
            return "usage: api " + usage + ": " + description;
        }
    }

    public static final List<Command> ALL = List.of(
            new Command("serve", "run the HTTP server (the default)", in -> Serve.run(in.config(), in.phases())),
            new Command(
                    "db upgrade",
                    "apply every pending migration (alembic upgrade head)",
                    in -> Commands.upgrade(in.config())),
            new Command(
                    "db downgrade N",
                    "revert the newest N migrations, N >= 1 (alembic downgrade -N)",
                    in -> Commands.downgrade(in.config(), in.arguments().get(0))),
            new Command(
                    "db current",
                    "show the database's migration version (alembic current)",
                    in -> Commands.current(in.config())),
            new Command(
                    "db history",
                    "list every migration, applied or pending (alembic history)",
                    in -> Commands.history(in.config())),
            new Command(
                    "todos import FILE --owner EMAIL",
                    "load todos from a JSON array or a DynamoDB batch-write-item file as the tasks of the user EMAIL"
                            + " (all or nothing; an item's own \"id\" is ignored)",
                    in -> Commands.importTodos(
                            in.config(), in.arguments().get(0), in.line().option("owner"))),
            new Command(
                    "todos assign --owner EMAIL",
                    "give every task without an owner (tasks from before tasks had owners, which no one sees) to the"
                            + " user EMAIL",
                    in -> Commands.assignTodos(in.config(), in.line().option("owner"))),
            new Command(
                    "users list",
                    "every account: id, email, created, disabled, last login",
                    in -> Commands.listUsers(in.config())),
            new Command(
                    "users disable EMAIL",
                    "the user EMAIL can no longer log in; its tokens and page sessions end (running instances refuse"
                            + " them within AUTH_USER_CACHE_SECONDS)",
                    in -> Commands.disableUser(in.config(), in.arguments().get(0))),
            new Command(
                    "users enable EMAIL",
                    "the user EMAIL can log in again",
                    in -> Commands.enableUser(in.config(), in.arguments().get(0))),
            new Command(
                    "users unlock EMAIL",
                    "clear the failed-login counters of the user EMAIL (from every address and device), so that its"
                            + " owner can log in again at once",
                    in -> Commands.unlockUser(in.config(), in.arguments().get(0))),
            new Command(
                    "users reset-link EMAIL",
                    "print a password reset link for the user EMAIL (PUBLIC_URL/tasks/reset?token=..., once, 30"
                            + " minutes), replacing its earlier one, for an operator to pass on",
                    in -> Commands.resetLink(in.config(), in.arguments().get(0))),
            new Command(
                    "training-run",
                    "start on a throwaway embedded database, send a few requests, stop: run under"
                            + " -XX:ArchiveClassesAtExit or -XX:AOTCacheOutput to make a faster-start archive",
                    in -> TrainingRun.run()));

    private CommandTable() {}

    /** The command whose words begin these words, whatever follows them; empty when none does. */
    public static Optional<Command> find(List<String> words) {
        return ALL.stream()
                .filter(command -> words.size() >= command.words().size()
                        && words.subList(0, command.words().size()).equals(command.words()))
                .findFirst();
    }

    /** The commands as {@code --help} and the README list them, a usage and its wrapped description each. */
    public static String help() {
        var text = new StringBuilder();
        for (Command command : ALL) {
            String head = "  " + command.usage();
            List<String> lines = wrap(command.description(), LINE_WIDTH - USAGE_WIDTH - 2);
            if (head.length() < USAGE_WIDTH + 1) {
                text.append(String.format("%-" + (USAGE_WIDTH + 2) + "s%s\n", head, lines.get(0)));
                lines = lines.subList(1, lines.size());
            } else {
                text.append(head).append('\n');
            }
            lines.forEach(line ->
                    text.append(" ".repeat(USAGE_WIDTH + 2)).append(line).append('\n'));
        }
        return text.append(String.format("%-" + (USAGE_WIDTH + 2) + "s%s\n", "  --help", "this text"))
                .toString();
    }

    private static boolean isWord(String part) {
        return !part.isEmpty() && !part.startsWith("--") && part.equals(part.toLowerCase(Locale.ROOT));
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        var line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
