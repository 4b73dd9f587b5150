package api.config;

import static api.config.Settings.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything the app takes from its environment, grouped by concern; built once by {@link #load}.
 *
 * @param warnings one line each for what may be a mistake but stops nothing, such as an unknown key in a file
 */
public record AppConfig(
        String appEnv,
        Http http,
        Database database,
        Auth auth,
        Bcrypt bcrypt,
        RequestLogs requestLogs,
        Shutdown shutdown,
        Logging logging,
        List<String> warnings) {

    /** The built-in key of earlier releases: public, so anyone could sign a token with it. Refused everywhere. */
    static final String FORMER_DEFAULT_SECRET_KEY = "dev-secret-change-me";

    static final Path PROPERTIES_FILE = Path.of("config", "application.properties");

    /** Jetty's threads above the pool's connections: its acceptor and selector, and four for requests needing none. */
    static final int HTTP_THREADS_BEYOND_POOL = 6;

    public record Http(
            String host,
            int port,
            int threads,
            long maxRequestBodyBytes,
            List<String> corsOrigins,
            List<AddressRange> trustedProxies) {
        static Http from(Vars vars, int dbPoolSize) {
            return new Http(
                    vars.string(HOST),
                    vars.integer(PORT),
                    httpThreads(vars, dbPoolSize),
                    vars.integer(MAX_REQUEST_BODY_BYTES),
                    vars.origins(CORS_ORIGINS),
                    vars.addressRanges(TRUSTED_PROXIES));
        }

        /** Whether an address is one of the proxies whose forwarding headers are believed. */
        public boolean trustsProxy(byte[] address) {
            return trustedProxies.stream().anyMatch(range -> range.contains(address));
        }
    }

    public record Database(
            DbSettings settings,
            int poolSize,
            Duration connectDeadline,
            Duration connectionTimeout,
            boolean migrateOnStart) {
        static Database from(Vars vars) {
            return new Database(
                    DbSettings.resolve(vars),
                    vars.integer(DB_POOL_SIZE),
                    Duration.ofSeconds(vars.integer(DB_CONNECT_DEADLINE_SECONDS)),
                    Duration.ofMillis(vars.integer(DB_CONNECTION_TIMEOUT_MS)),
                    vars.bool(MIGRATE_ON_START));
        }
    }

    /**
     * @param secretKeyGenerated no key was configured: this one is random and lives as long as the process
     * @param opsToken empty when none is set
     */
    public record Auth(
            String secretKey,
            boolean secretKeyGenerated,
            Duration tokenLifetime,
            Duration confirmedUserTtl,
            String opsToken,
            int loginMaxFailures,
            Duration loginFailureWindow,
            int signUpMaxPerHour) {
        static Auth from(Vars vars) {
            Optional<String> secretKey = vars.optional(SECRET_KEY);
            return new Auth(
                    secretKey.orElseGet(AppConfig::randomSecretKey),
                    secretKey.isEmpty(),
                    Duration.ofMinutes(vars.integer(ACCESS_TOKEN_EXPIRE_MINUTES)),
                    Duration.ofSeconds(vars.integer(AUTH_USER_CACHE_SECONDS)),
                    vars.optional(OPS_TOKEN).orElse(""),
                    vars.integer(LOGIN_MAX_FAILURES),
                    Duration.ofSeconds(vars.integer(LOGIN_FAILURE_WINDOW_SECONDS)),
                    vars.integer(SIGNUP_MAX_PER_HOUR));
        }
    }

    public record Bcrypt(int cost, int threads, int queueSize) {
        static Bcrypt from(Vars vars) {
            int threads = vars.integer(BCRYPT_THREADS);
            // bcrypt is pure CPU, so more threads than cores only share them
            return new Bcrypt(
                    vars.integer(BCRYPT_COST),
                    threads > 0 ? threads : Runtime.getRuntime().availableProcessors(),
                    vars.integer(BCRYPT_QUEUE_SIZE));
        }
    }

    public record RequestLogs(boolean enabled, int queueSize, int batchSize, Duration retention) {
        static RequestLogs from(Vars vars) {
            return new RequestLogs(
                    vars.bool(REQUEST_LOG_ENABLED),
                    vars.integer(REQUEST_LOG_QUEUE_SIZE),
                    vars.integer(REQUEST_LOG_BATCH_SIZE),
                    Duration.ofDays(vars.integer(REQUEST_LOG_RETENTION_DAYS)));
        }
    }

    public record Shutdown(Duration timeout, Duration idleGrace) {
        static Shutdown from(Vars vars) {
            return new Shutdown(
                    Duration.ofSeconds(vars.integer(SHUTDOWN_TIMEOUT_SECONDS)),
                    Duration.ofSeconds(vars.integer(SHUTDOWN_IDLE_GRACE_SECONDS)));
        }
    }

    public record Logging(String level, boolean json) {
        private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

        static Logging from(Vars vars) {
            String level = vars.string(LOG_LEVEL).toUpperCase(Locale.ROOT);
            if (!LEVELS.contains(level)) {
                vars.problem(
                        "LOG_LEVEL must be TRACE, DEBUG, INFO, WARN or ERROR, got '" + vars.string(LOG_LEVEL) + "'");
            }
            String format = vars.string(LOG_FORMAT);
            if (!List.of("text", "json").contains(format)) {
                vars.problem("LOG_FORMAT must be text or json, got '" + format + "'");
            }
            return new Logging(level, "json".equals(format));
        }
    }

    public boolean production() {
        return "production".equals(appEnv);
    }

    /** Loads from the real process: flags, environment, ./.env, ./config/application.properties, built-in defaults. */
    public static AppConfig load(Map<String, String> flags, Map<String, String> env) {
        return load(flags, env, DotEnv.readIfPresent(Path.of(".env")), readProperties(PROPERTIES_FILE));
    }

    public static AppConfig load(
            Map<String, String> flags,
            Map<String, String> env,
            Map<String, String> dotEnv,
            Map<String, String> defaultsFile) {
        var vars = new Vars(flags, env, dotEnv, defaultsFile, Settings.defaults());
        UnknownKeys.inFlags(flags).forEach(vars::problem);
        var warnings = new ArrayList<String>();
        warnings.addAll(UnknownKeys.inFile(".env", dotEnv));
        warnings.addAll(UnknownKeys.inFile(PROPERTIES_FILE.toString(), defaultsFile));
        String appEnv = vars.string(APP_ENV);
        if (!List.of("development", "production", "test").contains(appEnv)) {
            vars.problem("APP_ENV must be development, production or test, got '" + appEnv + "'");
        }
        var database = Database.from(vars);
        var config = new AppConfig(
                appEnv,
                Http.from(vars, database.poolSize()),
                database,
                Auth.from(vars),
                Bcrypt.from(vars),
                RequestLogs.from(vars),
                Shutdown.from(vars),
                Logging.from(vars),
                List.copyOf(warnings));
        if (FORMER_DEFAULT_SECRET_KEY.equals(config.auth().secretKey())) {
            vars.problem("SECRET_KEY is the public default of earlier releases, with which anyone can sign a token:"
                    + " remove it (a random key is then made at start) or set a random value of your own");
        }
        if (!"HS256".equals(vars.string(ALGORITHM))) {
            vars.problem("ALGORITHM must be HS256 (the only algorithm tokens are signed and accepted with)");
        }
        if (config.production()) {
            refuseUnsafeProduction(config, vars);
        }
        vars.failIfAnyProblems();
        return config;
    }

    private static void refuseUnsafeProduction(AppConfig config, Vars vars) {
        if (config.database().settings().embedded()) {
            vars.problem("APP_ENV=production needs a database: set DATABASE_URL (or MYSQL_HOST/DATABASE_HOSTNAME)");
        } else if (config.database().settings().isEmbeddedH2()) {
            // the same file or memory database production refuses as the default, only asked for by name
            vars.problem("APP_ENV=production refuses the embedded H2 database in "
                    + DbSettings.urlKey(vars).orElse("DATABASE_URL") + ": set it to a MySQL or MariaDB URL");
        }
        if (config.auth().secretKeyGenerated() || config.auth().secretKey().length() < 32) {
            vars.problem("APP_ENV=production needs SECRET_KEY set to a random value of at least 32 characters");
        }
        if (config.http().corsOrigins().contains("*")) {
            vars.problem("APP_ENV=production needs CORS_ORIGINS set to explicit origins, not *");
        }
        if (config.auth().opsToken().length() < 32) {
            vars.problem("APP_ENV=production needs OPS_TOKEN set to a random value of at least 32 characters"
                    + " (protects /metrics and the request logs)");
        }
        if (config.bcrypt().cost() < 10) {
            vars.problem("APP_ENV=production needs BCRYPT_COST of at least 10, got "
                    + config.bcrypt().cost());
        }
        if (config.auth().tokenLifetime().compareTo(Duration.ofDays(1)) > 0) {
            vars.problem("APP_ENV=production allows ACCESS_TOKEN_EXPIRE_MINUTES of at most 1440 (a day), got "
                    + config.auth().tokenLifetime().toMinutes());
        }
    }

    /**
     * 0 means DB_POOL_SIZE + 6: threads beyond the pool would only queue in Hikari, where newcomers overtake, instead
     * of in order in Jetty's queue.
     */
    private static int httpThreads(Vars vars, int dbPoolSize) {
        int configured = vars.integer(HTTP_THREADS);
        if (configured == 0) {
            return Math.max(8, dbPoolSize + HTTP_THREADS_BEYOND_POOL);
        }
        if (configured < 8) {
            vars.problem("HTTP_THREADS must be 0 (DB_POOL_SIZE + " + HTTP_THREADS_BEYOND_POOL
                    + ") or between 8 and 1000, got " + configured);
        }
        return configured;
    }

    @Override
    public String toString() {
        return "AppConfig[env=" + appEnv + ", " + http.host() + ":" + http.port() + ", " + database.settings()
                + ", pool=" + database.poolSize() + "]";
    }

    /** A key for this process alone, when none is configured: tokens then end at restart and other instances refuse them. */
    private static String randomSecretKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    static Map<String, String> readProperties(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try (InputStream in = Files.newInputStream(file)) {
            var properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> map = new HashMap<>();
            properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
