package api.config;

import static api.config.Setting.bool;
import static api.config.Setting.databaseUrl;
import static api.config.Setting.number;
import static api.config.Setting.numberOrZero;
import static api.config.Setting.oneOf;
import static api.config.Setting.secret;
import static api.config.Setting.span;
import static api.config.Setting.text;
import static java.time.temporal.ChronoUnit.DAYS;
import static java.time.temporal.ChronoUnit.MILLIS;
import static java.time.temporal.ChronoUnit.MINUTES;
import static java.time.temporal.ChronoUnit.SECONDS;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every key the app reads, in the order {@code --help} lists them. {@code --help}, the built-in defaults, the shipped
 * {@code config/application.properties} and {@code src/docs/configuration.md} all come from or are tested against
 * this list, so none of them can drift.
 */
public final class Settings {
    /** Jetty's threads above the pool's connections: its acceptor and selector, and four for requests needing none. */
    static final int HTTP_THREADS_BEYOND_POOL = 6;

    /** Fewer threads than this leave Jetty none for requests once its acceptor and selectors have theirs. */
    static final int HTTP_THREADS_LEAST = 8;

    public static final Setting<String> APP_ENV = oneOf(
            "APP_ENV",
            "development",
            List.of("development", "production", "test"),
            "production refuses to start with an unsafe setting");
    public static final Setting<String> HOST = text(
            "HOST", "127.0.0.1", "listen address; this host only unless set (the Procfile and the image say 0.0.0.0)");
    public static final Setting<Integer> PORT = number("PORT", 8000, 0, 65535, "listen port; Heroku sets it");
    public static final Setting<Integer> HTTP_THREADS = numberOrZero(
            "HTTP_THREADS",
            HTTP_THREADS_LEAST,
            1000,
            "DB_POOL_SIZE + " + HTTP_THREADS_BEYOND_POOL,
            "Jetty's thread pool, requests beyond it wait in Jetty's queue in order");
    public static final Setting<Integer> MAX_REQUEST_BODY_BYTES = number(
            "MAX_REQUEST_BODY_BYTES",
            1_048_576,
            1024,
            Integer.MAX_VALUE,
            "request body limit (413 beyond it; 16 KB on the login and sign-up routes)");
    public static final Setting<List<String>> CORS_ORIGINS = new Setting<>(
            "CORS_ORIGINS",
            "",
            "origins whose pages may call the API from a browser; none: same origin only, * any site but without"
                    + " credentials",
            new Kind.OriginList());
    public static final Setting<List<AddressRange>> TRUSTED_PROXIES = new Setting<>(
            "TRUSTED_PROXIES",
            "127.0.0.1,::1",
            "proxies whose X-Forwarded-For, X-Real-IP and X-Forwarded-Proto are believed",
            new Kind.AddressRanges());
    public static final Setting<String> DATABASE_URL =
            databaseUrl("DATABASE_URL", "the database; none: an embedded H2 database under DATA_DIR");
    public static final Setting<String> JAWSDB_URL =
            databaseUrl("JAWSDB_URL", "Heroku JawsDB add-on URL, read when DATABASE_URL is absent");
    public static final Setting<String> JAWSDB_MARIA_URL =
            databaseUrl("JAWSDB_MARIA_URL", "Heroku JawsDB Maria add-on URL, likewise");
    public static final Setting<String> CLEARDB_DATABASE_URL =
            databaseUrl("CLEARDB_DATABASE_URL", "Heroku ClearDB add-on URL, likewise");
    public static final Setting<String> DATABASE_HOSTNAME = text(
            "DATABASE_HOSTNAME",
            "",
            "the FastAPI course's split form: with DATABASE_PORT (3306), DATABASE_USERNAME, DATABASE_PASSWORD,"
                    + " DATABASE_NAME");
    public static final Setting<Integer> DATABASE_PORT =
            number("DATABASE_PORT", 3306, 1, 65535, "see DATABASE_HOSTNAME");
    public static final Setting<String> DATABASE_USERNAME =
            text("DATABASE_USERNAME", "", "database user (root for the split form)");
    public static final Setting<String> DATABASE_PASSWORD = secret("DATABASE_PASSWORD", "database password");
    public static final Setting<String> DATABASE_NAME = text("DATABASE_NAME", "", "database name (the split form)");
    public static final Setting<String> MYSQL_HOST = text(
            "MYSQL_HOST",
            "",
            "the MySQL ToDo app's split form: with MYSQL_PORT (3306), MYSQL_USER, MYSQL_PASSWORD, MYSQL_DATABASE");
    public static final Setting<Integer> MYSQL_PORT = number("MYSQL_PORT", 3306, 1, 65535, "see MYSQL_HOST");
    public static final Setting<String> MYSQL_USER = text("MYSQL_USER", "", "see MYSQL_HOST (root when unset)");
    public static final Setting<String> MYSQL_PASSWORD = secret("MYSQL_PASSWORD", "see MYSQL_HOST");
    public static final Setting<String> MYSQL_DATABASE = text("MYSQL_DATABASE", "", "see MYSQL_HOST");
    public static final Setting<String> DATA_DIR = text("DATA_DIR", "./data", "the embedded database's folder");
    public static final Setting<Integer> DB_POOL_SIZE = number(
            "DB_POOL_SIZE",
            10,
            1,
            500,
            "pooled database connections for requests; the request-log writer has one more of its own");
    public static final Setting<Duration> DB_CONNECT_DEADLINE_SECONDS = span(
            "DB_CONNECT_DEADLINE_SECONDS", 30, SECONDS, 0, 3600, "how long a start waits for the database, retrying");
    public static final Setting<Duration> DB_CONNECTION_TIMEOUT_MS = span(
            "DB_CONNECTION_TIMEOUT_MS",
            1000,
            MILLIS,
            250,
            60_000,
            "how long a request waits for a pooled connection before 503");
    public static final Setting<Boolean> MIGRATE_ON_START =
            bool("MIGRATE_ON_START", true, "apply pending migrations at start");
    public static final Setting<String> SECRET_KEY =
            secret("SECRET_KEY", "JWT signing key (none: a random key at each start; production needs 32+ characters)");
    public static final Setting<String> ALGORITHM = oneOf(
            "ALGORITHM", "HS256", List.of("HS256"), "JWT algorithm, the only one tokens are signed and accepted with");
    public static final Setting<Duration> ACCESS_TOKEN_EXPIRE_MINUTES =
            span("ACCESS_TOKEN_EXPIRE_MINUTES", 30, MINUTES, 1, 525_600, "token lifetime (production: at most 1440)");
    public static final Setting<Duration> AUTH_USER_CACHE_SECONDS = span(
            "AUTH_USER_CACHE_SECONDS",
            5,
            SECONDS,
            0,
            3600,
            "how long what the database said of a token's user (it exists, is enabled, its tokens count) is"
                    + " trusted: how late another instance's password change, reset, disable or deletion reaches this one"
                    + " (0: ask every request)");
    public static final Setting<String> OPS_TOKEN = secret(
            "OPS_TOKEN",
            "bearer token for /metrics, /log_all, /log_first (none: this host only; production needs 32+"
                    + " characters)");
    public static final Setting<Integer> BCRYPT_COST = number(
            "BCRYPT_COST", 12, 4, 31, "password hashing cost, each step doubles the work (production: at least 10)");
    public static final Setting<Integer> BCRYPT_THREADS =
            numberOrZero("BCRYPT_THREADS", 1, 256, "one per core", "threads that hash passwords, apart from Jetty's");
    public static final Setting<Integer> BCRYPT_QUEUE_SIZE =
            number("BCRYPT_QUEUE_SIZE", 128, 1, 100_000, "password checks that may wait for a thread; past it 503");
    public static final Setting<Integer> LOGIN_MAX_FAILURES = number(
            "LOGIN_MAX_FAILURES",
            10,
            1,
            1_000_000,
            "failed logins allowed per address, and per account and address, in a window (per account: ten times)");
    public static final Setting<Duration> LOGIN_FAILURE_WINDOW_SECONDS =
            span("LOGIN_FAILURE_WINDOW_SECONDS", 300, SECONDS, 1, 86_400, "the failed-login window");
    public static final Setting<Integer> SIGNUP_MAX_PER_HOUR = number(
            "SIGNUP_MAX_PER_HOUR",
            20,
            1,
            1_000_000,
            "sign-ups allowed per address (IPv6: its /64) in a clock hour, taken emails included; past it 429");
    public static final Setting<String> PUBLIC_URL = new Setting<>(
            "PUBLIC_URL",
            "",
            "the address users reach the service at; password-reset links start with it (needed with SMTP_HOST and"
                    + " for users reset-link)",
            new Kind.WebAddress());
    public static final Setting<String> SMTP_HOST = text(
            "SMTP_HOST",
            "",
            "mail server for password-reset messages (none: POST /password-recovery answers 503 and an operator"
                    + " hands out links from users reset-link)");
    public static final Setting<Integer> SMTP_PORT = number("SMTP_PORT", 587, 1, 65535, "mail server port");
    public static final Setting<String> SMTP_USER = text("SMTP_USER", "", "mail server user (none: no login)");
    public static final Setting<String> SMTP_PASSWORD = secret("SMTP_PASSWORD", "mail server password");
    public static final Setting<String> SMTP_FROM =
            text("SMTP_FROM", "", "the From address of the messages (needed with SMTP_HOST)");
    public static final Setting<String> SMTP_SECURITY = oneOf(
            "SMTP_SECURITY",
            "starttls",
            List.of("starttls", "tls", "none"),
            "starttls upgrades the connection and refuses a server that cannot; tls connects encrypted (port 465);"
                    + " none sends in the clear, for a local mail catcher");
    public static final Setting<Duration> SHUTDOWN_TIMEOUT_SECONDS =
            span("SHUTDOWN_TIMEOUT_SECONDS", 20, SECONDS, 0, 300, "how long a stop waits for requests in flight");
    public static final Setting<Duration> SHUTDOWN_IDLE_GRACE_SECONDS = span(
            "SHUTDOWN_IDLE_GRACE_SECONDS",
            5,
            SECONDS,
            0,
            300,
            "on a stop, open connections get this long; then those with no request being handled close (keep"
                    + " above nginx's upstream keepalive_timeout)");
    public static final Setting<Boolean> REQUEST_LOG_ENABLED =
            bool("REQUEST_LOG_ENABLED", true, "store every request in log_table");
    public static final Setting<Integer> REQUEST_LOG_QUEUE_SIZE = number(
            "REQUEST_LOG_QUEUE_SIZE",
            10_000,
            1,
            10_000_000,
            "records waiting to be stored; past it they are dropped and counted");
    public static final Setting<Integer> REQUEST_LOG_BATCH_SIZE =
            number("REQUEST_LOG_BATCH_SIZE", 1024, 1, 10_000, "records stored in one transaction at most");
    public static final Setting<Duration> REQUEST_LOG_RETENTION_DAYS = span(
            "REQUEST_LOG_RETENTION_DAYS",
            30,
            DAYS,
            0,
            36_500,
            "records older than this are deleted hourly (0: keep all)");

    public static final Setting<String> LOG_LEVEL = oneOf(
            "LOG_LEVEL",
            "INFO",
            List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR"),
            "the log's level; DEBUG adds a line a request");
    public static final Setting<String> LOG_FORMAT = oneOf(
            "LOG_FORMAT",
            "text",
            List.of("text", "json"),
            "text writes a line an event, json a JSON object a line, for log collectors");

    public static final List<Setting<?>> ALL = List.of(
            APP_ENV,
            HOST,
            PORT,
            HTTP_THREADS,
            MAX_REQUEST_BODY_BYTES,
            CORS_ORIGINS,
            TRUSTED_PROXIES,
            DATABASE_URL,
            JAWSDB_URL,
            JAWSDB_MARIA_URL,
            CLEARDB_DATABASE_URL,
            DATABASE_HOSTNAME,
            DATABASE_PORT,
            DATABASE_USERNAME,
            DATABASE_PASSWORD,
            DATABASE_NAME,
            MYSQL_HOST,
            MYSQL_PORT,
            MYSQL_USER,
            MYSQL_PASSWORD,
            MYSQL_DATABASE,
            DATA_DIR,
            DB_POOL_SIZE,
            DB_CONNECT_DEADLINE_SECONDS,
            DB_CONNECTION_TIMEOUT_MS,
            MIGRATE_ON_START,
            SECRET_KEY,
            ALGORITHM,
            ACCESS_TOKEN_EXPIRE_MINUTES,
            AUTH_USER_CACHE_SECONDS,
            OPS_TOKEN,
            BCRYPT_COST,
            BCRYPT_THREADS,
            BCRYPT_QUEUE_SIZE,
            LOGIN_MAX_FAILURES,
            LOGIN_FAILURE_WINDOW_SECONDS,
            SIGNUP_MAX_PER_HOUR,
            PUBLIC_URL,
            SMTP_HOST,
            SMTP_PORT,
            SMTP_USER,
            SMTP_PASSWORD,
            SMTP_FROM,
            SMTP_SECURITY,
            SHUTDOWN_TIMEOUT_SECONDS,
            SHUTDOWN_IDLE_GRACE_SECONDS,
            REQUEST_LOG_ENABLED,
            REQUEST_LOG_QUEUE_SIZE,
            REQUEST_LOG_BATCH_SIZE,
            REQUEST_LOG_RETENTION_DAYS,
            LOG_LEVEL,
            LOG_FORMAT);

    static final Map<String, Setting<?>> BY_KEY =
            ALL.stream().collect(Collectors.toMap(Setting::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));

    private Settings() {}

    /** The {@code --help} lines: key and flag, meaning, default. */
    public static String help() {
        var text = new StringBuilder();
        for (Setting<?> s : ALL) {
            text.append("  ")
                    .append(s.key())
                    .append('\n')
                    .append("      ")
                    .append(s.description())
                    .append(s.defaultValue().isEmpty() ? "" : " [" + s.defaultValue() + "]")
                    .append('\n');
        }
        return text.toString();
    }

    /** The shipped {@code config/application.properties}, as a test holds it to. */
    public static String propertiesFile() {
        var text = new StringBuilder("""
                # The defaults built into the jar, one line a key, with what it means. Edit a value here or override
                # it, highest first: a command-line flag (--port=8001), the environment, ./.env, this file.
                # Generated from api.config.Settings (SettingsDocsTest fails when the two differ).
                """);
        for (Setting<?> s : ALL) {
            text.append("# ")
                    .append(s.description())
                    .append('\n')
                    .append(s.key())
                    .append('=')
                    .append(s.defaultValue())
                    .append('\n');
        }
        return text.toString();
    }
}
