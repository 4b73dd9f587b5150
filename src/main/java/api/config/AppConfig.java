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
        DatabaseSettings database,
        AuthSettings auth,
        Bcrypt bcrypt,
        RequestLogs requestLogs,
        Shutdown shutdown,
        Logging logging,
        Mail mail,
        List<String> warnings) {

    /** The built-in key of earlier releases: public, so anyone could sign a token with it. Refused everywhere. */
    static final String FORMER_DEFAULT_SECRET_KEY = "dev-secret-change-me";

    static final Path PROPERTIES_FILE = Path.of("config", "application.properties");

    public record Http(
            String host,
            int port,
            int threads,
            long maxRequestBodyBytes,
            List<String> corsOrigins,
            List<AddressRange> trustedProxies) {
        static Http from(Vars vars, int dbPoolSize) {
            return new Http(
                    vars.get(HOST),
                    vars.get(PORT),
                    httpThreads(vars.get(HTTP_THREADS), dbPoolSize),
                    vars.get(MAX_REQUEST_BODY_BYTES),
                    vars.optional(CORS_ORIGINS).orElse(List.of()),
                    vars.optional(TRUSTED_PROXIES).orElse(List.of()));
        }

        /** Whether an address is one of the proxies whose forwarding headers are believed. */
        public boolean trustsProxy(byte[] address) {
            return trustedProxies.stream().anyMatch(range -> range.contains(address));
        }
    }

    /** Where the database is, and how the app connects to it and migrates it. */
    public record DatabaseSettings(
            DbSettings location,
            int poolSize,
            Duration connectDeadline,
            Duration connectionTimeout,
            boolean migrateOnStart) {
        static DatabaseSettings from(Vars vars) {
            return new DatabaseSettings(
                    DbSettings.resolve(vars),
                    vars.get(DB_POOL_SIZE),
                    vars.get(DB_CONNECT_DEADLINE_SECONDS),
                    vars.get(DB_CONNECTION_TIMEOUT_MS),
                    vars.get(MIGRATE_ON_START));
        }
    }

    /**
     * @param secretKeyGenerated no key was configured: this one is random and lives as long as the process
     * @param opsToken empty when none is set
     */
    public record AuthSettings(
            String secretKey,
            boolean secretKeyGenerated,
            Duration tokenLifetime,
            Duration confirmedUserTtl,
            String opsToken,
            int loginMaxFailures,
            Duration loginFailureWindow,
            int signUpMaxPerHour) {
        static AuthSettings from(Vars vars) {
            Optional<String> secretKey = vars.optional(SECRET_KEY);
            return new AuthSettings(
                    secretKey.orElseGet(AppConfig::randomSecretKey),
                    secretKey.isEmpty(),
                    vars.get(ACCESS_TOKEN_EXPIRE_MINUTES),
                    vars.get(AUTH_USER_CACHE_SECONDS),
                    vars.optional(OPS_TOKEN).orElse(""),
                    vars.get(LOGIN_MAX_FAILURES),
                    vars.get(LOGIN_FAILURE_WINDOW_SECONDS),
                    vars.get(SIGNUP_MAX_PER_HOUR));
        }
    }

    public record Bcrypt(int cost, int threads, int queueSize) {
        static Bcrypt from(Vars vars) {
            int threads = vars.get(BCRYPT_THREADS);
            // bcrypt is pure CPU, so more threads than cores only share them
            return new Bcrypt(
                    vars.get(BCRYPT_COST),
                    threads > 0 ? threads : Runtime.getRuntime().availableProcessors(),
                    vars.get(BCRYPT_QUEUE_SIZE));
        }
    }

    public record RequestLogs(boolean enabled, int queueSize, int batchSize, Duration retention) {
        static RequestLogs from(Vars vars) {
            return new RequestLogs(
                    vars.get(REQUEST_LOG_ENABLED),
                    vars.get(REQUEST_LOG_QUEUE_SIZE),
                    vars.get(REQUEST_LOG_BATCH_SIZE),
                    vars.get(REQUEST_LOG_RETENTION_DAYS));
        }
    }

    public record Shutdown(Duration timeout, Duration idleGrace) {
        static Shutdown from(Vars vars) {
            return new Shutdown(vars.get(SHUTDOWN_TIMEOUT_SECONDS), vars.get(SHUTDOWN_IDLE_GRACE_SECONDS));
        }
    }

    public record Logging(String level, boolean json) {
        static Logging from(Vars vars) {
            return new Logging(vars.get(LOG_LEVEL), "json".equals(vars.get(LOG_FORMAT)));
        }
    }

    /**
     * Where password-reset messages go out and what their links start with.
     *
     * @param publicUrl empty when not set
     * @param host empty when no mail server is set up: recovery by email is then off
     */
    public record Mail(
            String publicUrl, String host, int port, String user, String password, String from, String security) {
        static Mail from(Vars vars) {
            var mail = new Mail(
                    vars.optional(PUBLIC_URL).orElse(""),
                    vars.optional(SMTP_HOST).orElse(""),
                    vars.get(SMTP_PORT),
                    vars.optional(SMTP_USER).orElse(""),
                    vars.optional(SMTP_PASSWORD).orElse(""),
                    vars.optional(SMTP_FROM).orElse(""),
                    vars.get(SMTP_SECURITY));
            // a link built from the request's Host header would let anyone send a user a link to their own site
            if (mail.enabled() && mail.publicUrl().isEmpty() && !vars.isSet(PUBLIC_URL)) {
                vars.problem("SMTP_HOST needs PUBLIC_URL, the address users reach the service at, which reset links"
                        + " start with");
            }
            if (mail.enabled() && !mail.from().contains("@")) {
                vars.problem("SMTP_HOST needs SMTP_FROM, the email address the messages come from");
            }
            return mail;
        }

        public boolean enabled() {
            return !host.isEmpty();
        }

        @Override
        public String toString() {
            return "Mail[" + host + ":" + port + ", " + security + "]"; // never the password
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
        var vars = new Vars(flags, env, dotEnv, defaultsFile);
        UnknownKeys.inFlags(flags).forEach(vars::problem);
        var warnings = new ArrayList<String>();
        warnings.addAll(UnknownKeys.inFile(".env", dotEnv));
        warnings.addAll(UnknownKeys.inFile(PROPERTIES_FILE.toString(), defaultsFile));
        String appEnv = vars.get(APP_ENV);
        var database = DatabaseSettings.from(vars);
        var config = new AppConfig(
                appEnv,
                Http.from(vars, database.poolSize()),
                database,
                AuthSettings.from(vars),
                Bcrypt.from(vars),
                RequestLogs.from(vars),
                Shutdown.from(vars),
                Logging.from(vars),
                Mail.from(vars),
                List.copyOf(warnings));
        if (FORMER_DEFAULT_SECRET_KEY.equals(config.auth().secretKey())) {
            vars.problem("SECRET_KEY is the public default of earlier releases, with which anyone can sign a token:"
                    + " remove it (a random key is then made at start) or set a random value of your own");
        }
        vars.get(ALGORITHM); // read for its check alone: tokens are always HS256, whatever a client claims
        if (config.production()) {
            refuseUnsafeProduction(config, vars);
        }
        vars.failIfAnyProblems();
        return config;
    }

    private static void refuseUnsafeProduction(AppConfig config, Vars vars) {
        if (config.database().location().embedded()) {
            vars.problem("APP_ENV=production needs a database: set DATABASE_URL (or MYSQL_HOST/DATABASE_HOSTNAME)");
        } else if (config.database().location().isEmbeddedH2()) {
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
    private static int httpThreads(int configured, int dbPoolSize) {
        return configured == 0 ? Math.max(HTTP_THREADS_LEAST, dbPoolSize + HTTP_THREADS_BEYOND_POOL) : configured;
    }

    @Override
    public String toString() {
        return "AppConfig[env=" + appEnv + ", " + http.host() + ":" + http.port() + ", " + database.location()
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
