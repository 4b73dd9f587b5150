package api;

import api.cli.CommandLine;
import api.cli.Commands;
import api.cli.Help;
import api.cli.Serve;
import api.cli.TrainingRun;
import api.config.AppConfig;
import api.config.ConfigException;
import api.db.DatabaseUnavailableException;
import api.db.migrations.MigrationException;
import api.server.ConsoleLogging;
import api.server.JettySetup;
import api.server.PortInUseException;
import api.server.StartupPhases;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Parses the command line and runs the command it names. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    /** A command: its words, how many arguments follow them, and what runs it with those arguments. */
    private record Command(List<String> words, int arguments, Function<List<String>, Integer> run) {}

    private Main() {}

    public static void main(String[] args) {
        // Timestamps are UTC end to end; H2 reads TIMESTAMP columns in the JVM's zone.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        JettySetup.withoutJmxProbe();
        int status = run(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs one command; returns a process exit status (serve returns 0 once the server is up). */
    public static int run(String[] args) {
        var phases = new StartupPhases();
        try {
            CommandLine cli = CommandLine.parse(args);
            if (cli.help()) {
                System.out.println(Help.TEXT);
                return 0;
            }
            AppConfig config = AppConfig.load(cli.flags(), System.getenv());
            ConsoleLogging.apply(config.logging().level(), config.logging().json());
            config.warnings().forEach(log::warn);
            phases.end("config");
            String owner = cli.option("owner");
            List<Command> commands = List.of(
                    new Command(List.of("serve"), 0, none -> Serve.run(config, phases)),
                    new Command(List.of("db", "upgrade"), 0, none -> Commands.upgrade(config)),
                    new Command(List.of("db", "downgrade"), 1, steps -> Commands.downgrade(config, steps.get(0))),
                    new Command(List.of("db", "downgrade"), 0, none -> Commands.downgrade(config, "")),
                    new Command(List.of("db", "current"), 0, none -> Commands.current(config)),
                    new Command(List.of("db", "history"), 0, none -> Commands.history(config)),
                    new Command(
                            List.of("todos", "import"), 1, file -> Commands.importTodos(config, file.get(0), owner)),
                    new Command(List.of("todos", "assign"), 0, none -> Commands.assignTodos(config, owner)),
                    new Command(List.of("users", "list"), 0, none -> Commands.listUsers(config)),
                    new Command(List.of("users", "disable"), 1, email -> Commands.disableUser(config, email.get(0))),
                    new Command(List.of("users", "enable"), 1, email -> Commands.enableUser(config, email.get(0))),
                    new Command(List.of("users", "unlock"), 1, email -> Commands.unlockUser(config, email.get(0))),
                    new Command(List.of("users", "reset-link"), 1, email -> Commands.resetLink(config, email.get(0))),
                    new Command(List.of("training-run"), 0, none -> TrainingRun.run()));
            List<String> words = cli.words().isEmpty() ? List.of("serve") : cli.words();
            for (Command command : commands) {
                int named = command.words().size();
                if (words.size() == named + command.arguments()
                        && words.subList(0, named).equals(command.words())) {
                    return command.run().apply(words.subList(named, words.size()));
                }
            }
            System.err.println("unknown command '" + String.join(" ", words) + "'; see --help");
            return 2;
        } catch (ConfigException e) {
            System.err.println("config error: " + e.getMessage());
            return 2;
        } catch (DatabaseUnavailableException | MigrationException | PortInUseException e) {
            log.error(e.getMessage());
            return 1;
        }
    }
}
