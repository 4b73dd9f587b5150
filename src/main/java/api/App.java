package api;

import static api.auth.Role.*;
import static io.javalin.apibuilder.ApiBuilder.*;

import api.auth.ConfirmedUsers;
import api.auth.OpsToken;
import api.auth.SessionDao;
import api.auth.Sessions;
import api.auth.Tokens;
import api.config.AppConfig;
import api.db.Database;
import api.db.HourlyCleanup;
import api.health.HealthHandlers;
import api.logs.JdbcRequestLogStore;
import api.logs.LogHandlers;
import api.logs.RequestLog;
import api.logs.RequestLogDao;
import api.logs.RequestLogRetention;
import api.logs.RequestLogWriter;
import api.metrics.Metrics;
import api.metrics.MetricsHandlers;
import api.pages.AccountPages;
import api.pages.Paths;
import api.pages.SignInPages;
import api.pages.TodoCsv;
import api.pages.TodoPages;
import api.posts.PostDao;
import api.posts.PostHandlers;
import api.server.JettySetup;
import api.todos.TodoApiHandlers;
import api.todos.TodoDao;
import api.users.AccountDao;
import api.users.AccountHandlers;
import api.users.Accounts;
import api.users.DeviceDao;
import api.users.Devices;
import api.users.LoginFailureDao;
import api.users.LoginFailures;
import api.users.Mailer;
import api.users.PasswordLogin;
import api.users.PasswordRecovery;
import api.users.PasswordResetDao;
import api.users.PasswordWorkers;
import api.users.Passwords;
import api.users.ResetLinks;
import api.users.SignUp;
import api.users.SignUpCountDao;
import api.users.SignUpLimit;
import api.users.UserDao;
import api.users.UserHandlers;
import api.votes.VoteDao;
import api.votes.VoteHandlers;
import api.web.Access;
import api.web.ApiDocs;
import api.web.ClientIp;
import api.web.Cors;
import api.web.ErrorMapping;
import api.web.Json;
import api.web.RequestIds;
import api.web.Routes;
import api.web.SecurityHeaders;
import api.web.WebjarAssets;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Every route in one place; tests build the real app through it too. */
public final class App {
    /** Credentials are small: a body sent to one of these paths past 16 KiB is 413 before it is read further. */
    private static final List<String> CREDENTIAL_PATHS = List.of(
            "/login",
            "/users",
            "/users/me",
            "/users/me/password",
            "/password-recovery",
            "/reset-password",
            Paths.SIGN_IN,
            Paths.SIGN_UP,
            Paths.FORGOT,
            Paths.RESET,
            Paths.ACCOUNT_PASSWORD,
            Paths.ACCOUNT_DELETE);

    private static final Map<String, Long> CREDENTIAL_BODY_LIMITS =
            CREDENTIAL_PATHS.stream().collect(Collectors.toMap(path -> path, path -> 16_384L));

    private App() {}

    public static Javalin createApp(AppConfig config, Database db) {
        return createApp(config, db, Clock.systemUTC(), cfg -> {});
    }

    /**
     * {@code extra} runs first in the create block (tests add routes there); {@code clock} places failed logins and
     * sign-ups in their windows.
     */
    public static Javalin createApp(AppConfig config, Database db, Clock clock, Consumer<JavalinConfig> extra) {
        var health = new HealthHandlers(db);
        var metrics = new Metrics();
        var todoDao = db.jdbi().onDemand(TodoDao.class);
        var todos = new TodoApiHandlers(todoDao, metrics.business());
        var todoPages = new TodoPages(todoDao, metrics.business());
        var todoCsv = new TodoCsv(todoDao);
        var clientIp = new ClientIp(config.http()::trustsProxy);
        var sessions = new Sessions(db.jdbi().onDemand(SessionDao.class));
        var tokens = new Tokens(config.auth().secretKey(), config.auth().tokenLifetime());
        var userDao = db.jdbi().onDemand(UserDao.class);
        var confirmedUsers = new ConfirmedUsers(userDao::status, config.auth().confirmedUserTtl(), System::nanoTime);
        var passwordWorkers =
                new PasswordWorkers(config.bcrypt().threads(), config.bcrypt().queueSize());
        var passwords = new Passwords(config.bcrypt().cost());
        var loginFailures = new LoginFailures(db.jdbi().onDemand(LoginFailureDao.class), config.auth(), clock);
        var devices = new Devices(db.jdbi().onDemand(DeviceDao.class), clock);
        var logins = new PasswordLogin(
                userDao, passwords, passwordWorkers, loginFailures, devices, metrics.business(), clock);
        var signUpLimit = new SignUpLimit(
                db.jdbi().onDemand(SignUpCountDao.class), config.auth().signUpMaxPerHour(), clock);
        var signUp = new SignUp(userDao, passwords, passwordWorkers, signUpLimit, metrics.business());
        var users = new UserHandlers(userDao, signUp, tokens, logins, clientIp);
        var resetLinks = new ResetLinks(
                db.jdbi().onDemand(PasswordResetDao.class), config.mail().publicUrl(), clock);
        var recovery = new PasswordRecovery(
                userDao,
                resetLinks,
                db.jdbi().onDemand(LoginFailureDao.class),
                config.mail().enabled() ? Optional.of(new Mailer(config.mail())) : Optional.empty(),
                config.auth().loginMaxFailures(),
                config.auth().loginFailureWindow(),
                clock,
                metrics.business());
        var accounts = new Accounts(
                userDao,
                db.jdbi().onDemand(AccountDao.class),
                logins,
                passwords,
                passwordWorkers,
                resetLinks,
                confirmedUsers,
                tokens);
        var accountApi = new AccountHandlers(accounts, recovery, clientIp);
        var accountPages = new AccountPages(accounts, recovery, sessions, clientIp);
        var signIn = new SignInPages(logins, signUp, sessions, clientIp);
        var posts = new PostHandlers(new PostDao(db.jdbi(), db.dialect()), metrics.business());
        var votes = new VoteHandlers(db.jdbi().onDemand(VoteDao.class), metrics.business());
        var access = new Access(
                tokens, confirmedUsers, sessions, new OpsToken(config.auth().opsToken()), clientIp, Paths.SIGN_IN);
        var docs = new ApiDocs();
        var metricsScrape = new MetricsHandlers(metrics);
        var requestLogDao = db.jdbi().onDemand(RequestLogDao.class);
        var requestLogs = new RequestLogWriter(
                new JdbcRequestLogStore(db.logWriter()),
                config.requestLogs(),
                config.shutdown().timeout());
        var logs = new LogHandlers(requestLogDao);
        var retention =
                new RequestLogRetention(requestLogDao, config.requestLogs().retention());
        var cleanup = new HourlyCleanup(List.of(
                new HourlyCleanup.Job("request logs older than the retention", retention::purge),
                new HourlyCleanup.Job("failed-login counters of ended windows", loginFailures::deleteEnded),
                new HourlyCleanup.Job("sign-up counters of ended hours", signUpLimit::deleteEnded),
                new HourlyCleanup.Job("expired sessions", sessions::purgeExpired),
                new HourlyCleanup.Job("expired password reset links", resetLinks::deleteExpired),
                new HourlyCleanup.Job("devices unused for a year", devices::forgetUnused)));
        metrics.trackPool(db.dataSource());
        metrics.trackPasswordWork(passwordWorkers::active, passwordWorkers::queued, passwordWorkers::rejected);
        metrics.trackRequestLog(
                requestLogs::queueDepth,
                requestLogs::written,
                requestLogs::droppedQueueFull,
                requestLogs::droppedWriteFailed,
                retention::purged);
        return Javalin.create(cfg -> {
            cfg.events.handlerAdded(Access::requireRole); // first, so that it sees the test-only routes too
            extra.accept(cfg);
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.http.prefer405over404 = true;
            cfg.router.ignoreTrailingSlashes = true;
            JettySetup.apply(cfg, config.http(), config.shutdown(), CREDENTIAL_BODY_LIMITS);
            // request loggers run after the response is written, for every request: matched, unmatched or failed
            cfg.requestLogger.http((ctx, ms) ->
                    metrics.http().observe(ctx.method().name(), Routes.template(ctx), ctx.statusCode(), ms / 1000.0));
            cfg.requestLogger.http(RequestIds::done);
            // nothing runs in the background before the server starts: the schema may still be migrating until then
            if (config.requestLogs().enabled()) {
                cfg.events.serverStarting(requestLogs::start);
                cfg.requestLogger.http(
                        (ctx, ms) -> requestLogs.submit(RequestLog.of(ctx, Routes.template(ctx), ms, clientIp)));
            }
            cfg.events.serverStarting(cleanup::start);
            cfg.events.serverStopped(requestLogs::flushAndStop); // before the pool closes: every answer is logged
            cfg.events.serverStopped(passwordWorkers::close);
            cfg.events.serverStopped(recovery::close);
            cfg.events.serverStopped(retention::close);
            cfg.events.serverStopped(cleanup::close);
            Cors.register(cfg, config.http().corsOrigins());
            ErrorMapping.register(cfg.routes, config.http().maxRequestBodyBytes());
            cfg.routes.beforeMatched(access::check);
            cfg.routes.apiBuilder(() -> {
                before(RequestIds::assign);
                before(SecurityHeaders::apply);
                get("/", health::root, PUBLIC);
                get("/health", health::health, PUBLIC);
                get(ApiDocs.SPEC_PATH, docs::spec, PUBLIC);
                get(ApiDocs.SWAGGER_PATH, docs::swaggerUi, PUBLIC);
                get(ApiDocs.REDOC_PATH, docs::redoc, PUBLIC);
                path("/users", () -> {
                    post(users::create, PUBLIC);
                    get("/me", users::me, USER);
                    delete("/me", accountApi::delete, USER);
                    put("/me/password", accountApi::changePassword, USER);
                    get("/{id}", users::get, USER);
                });
                post("/login", users::login, PUBLIC);
                post("/password-recovery", accountApi::recover, PUBLIC);
                post("/reset-password", accountApi::reset, PUBLIC);
                path("/posts", () -> {
                    get(posts::list, USER);
                    post(posts::create, USER);
                    get("/{id}", posts::get, USER);
                    put("/{id}", posts::update, USER);
                    delete("/{id}", posts::delete, USER);
                });
                post("/vote", votes::vote, USER);
                path("/todos", () -> {
                    get(todos::list, USER);
                    post(todos::create, USER);
                    get("/{id}", todos::get, USER);
                    put("/{id}", todos::update, USER);
                    delete("/{id}", todos::delete, USER);
                });
                get(Paths.TASKS, todoPages::list, PAGE);
                get(Paths.SIGN_IN, signIn::loginForm, SIGN_IN);
                post(Paths.SIGN_IN, signIn::login, SIGN_IN);
                get(Paths.SIGN_UP, signIn::signUpForm, SIGN_IN);
                post(Paths.SIGN_UP, signIn::signUp, SIGN_IN);
                post(Paths.SIGN_OUT, signIn::logout, PAGE);
                get(Paths.FORGOT, accountPages::forgotForm, SIGN_IN);
                post(Paths.FORGOT, accountPages::forgot, SIGN_IN);
                get(Paths.RESET, accountPages::resetForm, SIGN_IN);
                post(Paths.RESET, accountPages::reset, SIGN_IN);
                get(Paths.ACCOUNT, accountPages::account, PAGE);
                post(Paths.ACCOUNT_PASSWORD, accountPages::changePassword, PAGE);
                post(Paths.ACCOUNT_DELETE, accountPages::delete, PAGE);
                get(Paths.NEW_TASK, todoPages::newForm, PAGE);
                post(Paths.NEW_TASK, todoPages::create, PAGE);
                get(Paths.OPEN_CSV, todoCsv::open, PAGE);
                get(Paths.COMPLETED_CSV, todoCsv::completed, PAGE);
                get(Paths.TASK, todoPages::edit, PAGE);
                post(Paths.TASK, todoPages::save, PAGE);
                post(Paths.COMPLETE, todoPages::complete, PAGE);
                post(Paths.DELETE, todoPages::delete, PAGE);
                get("/metrics", metricsScrape::scrape, OPS);
                get("/log_all", logs::all, OPS);
                get("/log_first", logs::first, OPS);
                get(WebjarAssets.ROUTE, new WebjarAssets()::serve, PUBLIC);
            });
        });
    }
}
