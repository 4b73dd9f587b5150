package api;

import api.cli.CommandLine;
import api.cli.CommandTable;
import api.cli.CommandTable.Command;
import api.cli.CommandTable.Invocation;
import api.cli.Help;
import api.config.AppConfig;
import api.config.ConfigException;
import api.db.DatabaseUnavailableException;
import api.db.migrations.MigrationException;
import api.server.ConsoleLogging;
import api.server.JettySetup;
import api.server.PortInUseException;
import api.server.StartupPhases;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Parses the command line and runs the command it names. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

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
            List<String> words = cli.words().isEmpty() ? List.of("serve") : cli.words();
            Optional<Command> command = CommandTable.find(words);
            if (command.isEmpty()) {
                System.err.println("unknown command '" + String.join(" ", words) + "'; see --help");
                return 2;
            }
            List<String> arguments = words.subList(command.get().words().size(), words.size());
            if (arguments.size() != command.get().arguments()) {
                System.err.println(command.get().usageError());
                return 2;
            }
            return command.get().run().applyAsInt(new Invocation(config, phases, arguments, cli));
        } catch (ConfigException e) {
            System.err.println("config error: " + e.getMessage());
            return 2;
        } catch (DatabaseUnavailableException | MigrationException | PortInUseException e) {
            log.error(e.getMessage());
            return 1;
        }
    }
}
