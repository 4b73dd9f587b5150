package api;

import api.config.AppConfig;
import api.config.CommandLine;
import api.config.ConfigException;
import api.db.Database;
import api.db.DatabaseUnavailableException;
import api.db.migrations.MigrationException;
import api.db.migrations.Migrations;
import api.server.JettySetup;
import api.server.StartupPhases;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** Reads config and runs a command; serve connects, migrates and starts the app {@link App} builds. */
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
    static int run(String[] args) {
        var phases = new StartupPhases();
        CommandLine cli;
        AppConfig config;
        try {
            cli = CommandLine.parse(args);
            if (cli.help()) {
                System.out.println(Help.TEXT);
                return 0;
            }
            config = AppConfig.load(cli.flags(), System.getenv());
            phases.end("config");
        } catch (ConfigException e) {
            System.err.println("config error: " + e.getMessage());
            return 2;
        }
        try {
            return switch (String.join(" ", cli.words())) {
                case "", "serve" -> serve(config, phases);
                case "db upgrade", "db current", "db history" -> Commands.db(config, cli.words().get(1), List.of());
                case "training-run" -> TrainingRun.run();
                case "todos assign" -> Commands.assignTodos(config, cli.option("owner"));
                default -> {
                    if (cli.words().size() == 3 && cli.words().subList(0, 2).equals(List.of("db", "downgrade"))) {
                        yield Commands.db(config, "downgrade", cli.words().subList(2, 3));
                    }
                    if (cli.words().size() == 3 && cli.words().subList(0, 2).equals(List.of("todos", "import"))) {
                        yield Commands.importTodos(config, Path.of(cli.words().get(2)), cli.option("owner"));
                    }
                    System.err.println("unknown command '" + String.join(" ", cli.words()) + "'; see --help");
                    yield 2;
                }
            };
        } catch (DatabaseUnavailableException | MigrationException e) {
            log.error(e.getMessage());
            return 1;
        }
    }

    private static int serve(AppConfig config, StartupPhases phases) {
        exitZeroOnStopSignals();
        if (config.auth().secretKeyGenerated()) {
            log.warn("SECRET_KEY is not set: tokens are signed with a random key made at this start; they end when it"
                    + " stops and other instances refuse them (set SECRET_KEY to keep them)");
        }
        if (config.auth().opsToken().isEmpty()) {
            log.info("OPS_TOKEN is not set: /metrics, /log_all and /log_first answer only clients on this host");
        }
        if (config.database().settings().embedded()) {
            log.warn("No database configured: using the embedded H2 database at {} (set DATABASE_URL for MySQL/MariaDB)",
                    config.database().settings().safeUrl().replaceFirst("^jdbc:h2:file:", "").replaceFirst(";.*", "") + ".mv.db");
        }
        // The database wait and the migrations need no app, and building the app needs no database: on two cores
        // they run side by side, the first connection even while the pool is made.
        var database = new CompletableFuture<Database>();
        CompletableFuture<Void> databaseReady = CompletableFuture.runAsync(() -> prepareDatabase(config, database::join),
                runnable -> new Thread(runnable, "database-start").start());
        Database db = Database.open(config.database().settings(), config.database().poolSize(), config.database().connectionTimeout());
        database.complete(db);
        phases.end("pool");
        Javalin app = App.createApp(config, db);
        phases.end("app built");
        try {
            databaseReady.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        phases.end("database wait");
        // registered before start: a SIGTERM right after the first answered request must still drain
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Shutting down: draining requests (at most {} s)", config.shutdown().timeout().toSeconds());
            app.stop();
            db.close();
            log.info("Stopped");
        }, "shutdown"));
        app.start(config.http().host(), config.http().port());
        phases.end("listening");
        log.info("Started in {} ms: {}", phases.totalMillis(), phases);
        return 0;
    }

    private static void prepareDatabase(AppConfig config, Supplier<Database> pool) {
        long start = System.nanoTime();
        Database.awaitReachable(config.database().settings(), config.database().connectionTimeout(), config.database().connectDeadline());
        long reachable = System.nanoTime();
        Database db = pool.get();
        Migrations migrations = new Migrations(db.dataSource(), db.settings().isH2());
        if (config.database().migrateOnStart()) {
            migrations.upgrade();
        } else {
            migrations.verify();
            if (!migrations.pending().isEmpty()) {
                log.warn("{} migrations pending and MIGRATE_ON_START=false: run `db upgrade`", migrations.pending().size());
            }
        }
        log.info("Database ready in {} ms: connect {} ms, migrations {} ms", (System.nanoTime() - start) / 1_000_000,
                (reachable - start) / 1_000_000, (System.nanoTime() - reachable) / 1_000_000);
    }

    /**
     * SIGTERM and SIGINT are how systemd, Heroku, docker stop and Ctrl-C ask for a stop. Left to the JVM, they run
     * the shutdown hooks and then exit 143 (130), the status of a process killed by the signal. Handled here,
     * {@code System.exit(0)} runs the same hooks (the drain, the request-log flush, the pool close) and the
     * process reports the orderly stop it made. Installed before the database wait, so a stop then is clean too.
     */
    private static void exitZeroOnStopSignals() {
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), signal -> System.exit(0));
            } catch (IllegalArgumentException e) {
                log.warn("SIG{} is reserved by the JVM (-Xrs?): a stop by it exits with the JVM's own status", name);
            }
        }
    }
}
