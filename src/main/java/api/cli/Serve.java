package api.cli;

import api.App;
import api.config.AppConfig;
import api.db.Database;
import api.db.migrations.Migrations;
import api.server.PortInUseException;
import api.server.StartupPhases;
import api.server.StopSignals;
import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code serve}: connects, migrates and starts the HTTP server, which then runs until the process is stopped. */
public final class Serve {
    private static final Logger log = LoggerFactory.getLogger(Serve.class);

    private Serve() {}

    /** Returns 0 once the server listens; the server's threads keep the process alive. */
    public static int run(AppConfig config, StartupPhases phases) {
        StopSignals.exitZero();
        PortInUseException.checkFree(config.http().host(), config.http().port());
        warnAboutDefaults(config);
        // The database wait and the migrations need no app, and building the app needs no database: they run side
        // by side, the first connection even while the pool is made.
        var database = new CompletableFuture<Database>();
        CompletableFuture<Void> databaseReady = CompletableFuture.runAsync(
                () -> prepareDatabase(config, database::join), work -> new Thread(work, "database-start").start());
        AppConfig.DatabaseSettings settings = config.database();
        Database db = Database.open(settings.location(), settings.poolSize(), settings.connectionTimeout());
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
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info(
                                    "Shutting down: draining requests (at most {} s)",
                                    config.shutdown().timeout().toSeconds());
                            app.stop();
                            db.close();
                            log.info("Stopped");
                        },
                        "shutdown"));
        try {
            app.start(config.http().host(), config.http().port());
        } catch (JavalinBindException e) {
            throw new PortInUseException(config.http().host(), config.http().port());
        }
        phases.end("listening");
        log.info("Started in {} ms: {}", phases.totalMillis(), phases);
        return 0;
    }

    private static void warnAboutDefaults(AppConfig config) {
        if (config.auth().secretKeyGenerated()) {
            log.warn("SECRET_KEY is not set: tokens are signed with a random key made at this start; they end when it"
                    + " stops and other instances refuse them (set SECRET_KEY to keep them)");
        }
        if (config.auth().opsToken().isEmpty()) {
            log.info("OPS_TOKEN is not set: /metrics, /log_all and /log_first answer only clients on this host");
        }
        if (config.database().location().embedded()) {
            log.warn(
                    "No database configured: using the embedded H2 database at {} (set DATABASE_URL for"
                            + " MySQL/MariaDB)",
                    config.database().location().h2File().orElseThrow());
        }
    }

    private static void prepareDatabase(AppConfig config, Supplier<Database> pool) {
        long start = System.nanoTime();
        AppConfig.DatabaseSettings settings = config.database();
        Database.awaitReachable(settings.location(), settings.connectionTimeout(), settings.connectDeadline());
        long reachable = System.nanoTime();
        Database db = pool.get();
        Migrations migrations = db.migrations();
        if (settings.migrateOnStart()) {
            migrations.upgrade();
        } else {
            migrations.verify();
            if (!migrations.pending().isEmpty()) {
                log.warn(
                        "{} migrations pending and MIGRATE_ON_START=false: run db upgrade",
                        migrations.pending().size());
            }
        }
        log.info(
                "Database ready in {} ms: connect {} ms, migrations {} ms",
                (System.nanoTime() - start) / 1_000_000,
                (reachable - start) / 1_000_000,
                (System.nanoTime() - reachable) / 1_000_000);
    }
}
