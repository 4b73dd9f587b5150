package api;

import api.auth.Auth;
import api.auth.ConfirmedUsers;
import api.auth.OpsToken;
import api.auth.SessionDao;
import api.auth.Sessions;
import api.auth.Tokens;
import api.config.AppConfig;
import api.config.CommandLine;
import api.config.ConfigException;
import api.db.Database;
import api.db.DatabaseUnavailableException;
import api.db.HourlyCleanup;
import api.db.migrations.MigrationException;
import api.db.migrations.Migrations;
import api.health.HealthHandlers;
import api.logs.JdbcRequestLogStore;
import api.logs.LogHandlers;
import api.logs.RequestLog;
import api.logs.RequestLogDao;
import api.logs.RequestLogRetention;
import api.logs.RequestLogWriter;
import api.metrics.Metrics;
import api.metrics.MetricsHandlers;
import api.posts.PostDao;
import api.posts.PostHandlers;
import api.server.BodyLimit;
import api.server.GracefulShutdown;
import api.server.JsonErrorHandler;
import api.server.StartupPhases;
import api.todos.TodoApiHandlers;
import api.todos.TodoCsv;
import api.todos.TodoDao;
import api.todos.TodoPages;
import api.users.LoginFailureDao;
import api.users.LoginFailures;
import api.users.PasswordLogin;
import api.users.PasswordWorkers;
import api.users.Passwords;
import api.users.SignInPages;
import api.users.SignUp;
import api.users.UserDao;
import api.users.UserHandlers;
import api.votes.VoteDao;
import api.votes.VoteHandlers;
import api.web.ApiDocs;
import api.web.ClientIp;
import api.web.Cors;
import api.web.ErrorMapping;
import api.web.Json;
import api.web.PageAuth;
import api.web.RequestIds;
import api.web.Routes;
import api.web.SecurityHeaders;
import api.web.Templates;
import api.web.WebjarAssets;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import static api.auth.Role.PAGE;
import static api.auth.Role.SIGN_IN;
import static api.auth.Role.USER;
import static io.javalin.apibuilder.ApiBuilder.before;
import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

/** The composition root: reads config, connects, migrates, wires every route, serves. */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);
    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";
    /** Credentials are small: a login or sign-up body past this is 413 before it is read further. */
    private static final Map<String, Long> CREDENTIAL_BODY_LIMITS = Map.of("/login", 16_384L, "/users", 16_384L,
            "/tasks/login", 16_384L, "/tasks/signup", 16_384L);

    private Main() {}

    public static void main(String[] args) {
        // Timestamps are UTC end to end; H2 reads TIMESTAMP columns in the JVM's zone.
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        // Jetty would start the JMX platform server at start-up only to ask whether references are compressed (they
        // are below a 32 GB heap): a padding hint, given here instead.
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
        }
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
        Javalin app = createApp(config, db);
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

    /** Builds the whole app, not yet started. Tests build the real app through this too. */
    public static Javalin createApp(AppConfig config, Database db) {
        return createApp(config, db, Clock.systemUTC(), cfg -> {});
    }

    /**
     * The app with {@code extra} applied first inside the create block, where Javalin 7 takes every listener and
     * route: tests add their own routes there, and a {@code handlerAdded} listener to see the route table.
     */
    public static Javalin createApp(AppConfig config, Database db, Consumer<JavalinConfig> extra) {
        return createApp(config, db, Clock.systemUTC(), extra);
    }

    /** The same, with {@code clock} as the time that places failed logins in their windows. */
    public static Javalin createApp(AppConfig config, Database db, Clock clock, Consumer<JavalinConfig> extra) {
        var health = new HealthHandlers(db);
        var metrics = new Metrics();
        var todoDao = db.jdbi().onDemand(TodoDao.class);
        var todos = new TodoApiHandlers(todoDao, metrics.business());
        var templates = new Templates(TemplateEngine.createPrecompiled(ContentType.Html));
        var todoPages = new TodoPages(todoDao, templates, metrics.business());
        var todoCsv = new TodoCsv(todoDao);
        var clientIp = new ClientIp(config.http().trustedProxies());
        var sessions = new Sessions(db.jdbi().onDemand(SessionDao.class));
        var pageAuth = new PageAuth(sessions, clientIp);
        var tokens = new Tokens(config.auth().secretKey(), config.auth().tokenLifetime());
        var userDao = db.jdbi().onDemand(UserDao.class);
        var auth = new Auth(tokens, new ConfirmedUsers(userDao::exists, config.auth().confirmedUserTtl(), System::nanoTime));
        var passwordWorkers = new PasswordWorkers(config.bcrypt().threads(), config.bcrypt().queueSize());
        var passwords = new Passwords(config.bcrypt().cost());
        var loginFailures = new LoginFailures(db.jdbi().onDemand(LoginFailureDao.class), config.auth().loginMaxFailures(),
                config.auth().loginFailureWindow(), clock);
        var logins = new PasswordLogin(userDao, passwords, passwordWorkers, loginFailures, metrics.business());
        var signUp = new SignUp(userDao, passwords, passwordWorkers, metrics.business());
        var users = new UserHandlers(userDao, signUp, tokens, logins, clientIp);
        var signIn = new SignInPages(logins, signUp, sessions, clientIp, templates);
        var posts = new PostHandlers(new PostDao(db.jdbi(), db.settings().isH2()), metrics.business());
        var votes = new VoteHandlers(db.jdbi().onDemand(VoteDao.class), metrics.business());
        var jetty = new AtomicReference<Server>();
        var ops = new OpsToken(config.auth().opsToken());
        var requestLogDao = db.jdbi().onDemand(RequestLogDao.class);
        var requestLogs = new RequestLogWriter(new JdbcRequestLogStore(db.jdbi()),
                config.requestLogs().queueSize(), config.requestLogs().batchSize(), config.shutdown().timeout());
        var logs = new LogHandlers(requestLogDao);
        var retention = new RequestLogRetention(requestLogDao, config.requestLogs().retention());
        var cleanup = new HourlyCleanup(List.of(
                new HourlyCleanup.Job("request logs older than the retention", retention::purge),
                new HourlyCleanup.Job("failed-login counters of ended windows", loginFailures::deleteEnded),
                new HourlyCleanup.Job("expired sessions", sessions::purgeExpired)));
        metrics.trackPool(db.dataSource());
        metrics.trackPasswordWork(passwordWorkers::queued, passwordWorkers::rejected);
        metrics.trackRequestLog(requestLogs::queueDepth, requestLogs::written,
                requestLogs::droppedQueueFull, requestLogs::droppedWriteFailed, retention::purged);
        var scrape = new MetricsHandlers(metrics);
        var webjars = new WebjarAssets();

        return Javalin.create(cfg -> {
            extra.accept(cfg);
            cfg.startup.showJavalinBanner = false;
            cfg.startup.startupWatcherEnabled = false;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.http.prefer405over404 = true;
            cfg.http.maxRequestSize = config.http().maxRequestBodyBytes();
            // Javalin copies each result through a new buffer of this size (Jetty's 32 kB output buffer, unset):
            // 24 kB of garbage on every 3 kB JSON answer. Jetty still buffers.
            cfg.http.responseBufferSize = 8192;
            cfg.jetty.multipartConfig.maxTotalRequestSize(config.http().maxRequestBodyBytes(), SizeUnit.BYTES);
            cfg.router.ignoreTrailingSlashes = true;
            cfg.jetty.threadPool = httpThreads(config.http().threads());
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(config.shutdown().timeout().toMillis());
                server.setErrorHandler(new JsonErrorHandler());
                jetty.set(server);
            });
            cfg.jetty.modifyServletContextHandler(context -> {
                context.setErrorHandler(new JsonErrorHandler());
                context.addFilter(new FilterHolder(new BodyLimit(config.http().maxRequestBodyBytes(), CREDENTIAL_BODY_LIMITS)),
                        "/*", EnumSet.of(DispatcherType.REQUEST));
            });
            // Javalin allows every RFC 3986 violation; Microsoft's %uXXXX escapes then reach its static-file lookup,
            // whose URLDecoder fails on them with a 500. Refused, they are Jetty's 400 like any other bad URI.
            cfg.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(
                    UriCompliance.RFC3986.without("RFC3986 without %u escapes", UriCompliance.Violation.UTF16_ENCODINGS)));
            // nothing runs in the background before the server starts: the schema may still be migrating until then
            if (config.requestLogs().enabled()) {
                cfg.events.serverStarting(requestLogs::start);
            }
            cfg.events.serverStarting(cleanup::start);
            cfg.events.serverStopping(() -> GracefulShutdown.drain(jetty.get(), config.shutdown().timeout(), config.shutdown().idleGrace()));
            cfg.events.serverStopped(requestLogs::flushAndStop); // before Main closes the pool: no answered request unlogged
            cfg.events.serverStopped(passwordWorkers::close);
            cfg.events.serverStopped(retention::close);
            cfg.events.serverStopped(cleanup::close);
            // runs after the response is written, for every request: matched, unmatched or failed
            cfg.requestLogger.http((ctx, ms) -> {
                String route = Routes.template(ctx);
                metrics.http().observe(ctx.method().name(), route, ctx.statusCode(), ms / 1000.0);
                if (config.requestLogs().enabled()) {
                    requestLogs.submit(RequestLog.of(ctx, route, ms, clientIp));
                }
            });
            Cors.register(cfg, config.http().corsOrigins());
            ApiDocs.register(cfg.routes);
            ErrorMapping.register(cfg.routes, config.http().maxRequestBodyBytes());
            cfg.routes.beforeMatched(auth::check);
            cfg.routes.beforeMatched(pageAuth::check);
            cfg.routes.apiBuilder(() -> {
                before(RequestIds::assign);
                before(SecurityHeaders::apply);
                get("/", health::root);
                get("/health", health::health);
                path("/users", () -> {
                    post(users::create);
                    get("/me", users::me, USER);
                    get("/{id}", users::get, USER);
                });
                post("/login", users::login);
                path("/posts", () -> {
                    get(posts::list, USER);
                    post(posts::create, USER);
                    path("/{id}", () -> {
                        get(posts::get, USER);
                        put(posts::update, USER);
                        delete(posts::delete, USER);
                    });
                });
                post("/vote", votes::vote, USER);
                path("/todos", () -> {
                    get(todos::list, USER);
                    post(todos::create, USER);
                    path("/{id}", () -> {
                        get(todos::get, USER);
                        put(todos::update, USER);
                        delete(todos::delete, USER);
                    });
                });
                path("/tasks", () -> {
                    get(todoPages::list, PAGE);
                    get("/login", signIn::loginForm, SIGN_IN);
                    post("/login", signIn::login, SIGN_IN);
                    get("/signup", signIn::signUpForm, SIGN_IN);
                    post("/signup", signIn::signUp, SIGN_IN);
                    post("/logout", signIn::logout, PAGE);
                    get("/new", todoPages::newForm, PAGE);
                    post("/new", todoPages::create, PAGE);
                    get("/download/todo", todoCsv::open, PAGE);
                    get("/download/completed", todoCsv::completed, PAGE);
                    path("/{id}", () -> {
                        get(todoPages::edit, PAGE);
                        post(todoPages::save, PAGE);
                        post("/completed", todoPages::complete, PAGE);
                        post("/deleted", todoPages::delete, PAGE);
                    });
                });
                get("/metrics", ops.guard(scrape::scrape));
                get("/log_all", ops.guard(logs::all));
                get("/log_first", ops.guard(logs::first));
                get(WebjarAssets.ROUTE, webjars::serve);
            });
        });
    }

    /** Jetty's pool: the same as Jetty's default but bounded by HTTP_THREADS, named so thread dumps read well. */
    private static QueuedThreadPool httpThreads(int max) {
        var pool = new QueuedThreadPool(max, Math.min(8, max));
        pool.setName("http");
        return pool;
    }
}
