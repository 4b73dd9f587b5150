package api.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Everything the app takes from its environment. Built once in {@code Main} and never changed. */
public record AppConfig(
        String appEnv,
        String host,
        int port,
        int httpThreads,
        DbSettings db,
        int dbPoolSize,
        Duration dbConnectDeadline,
        Duration dbConnectionTimeout,
        boolean migrateOnStart,
        String secretKey,
        boolean secretKeyGenerated,
        Duration tokenLifetime,
        Duration confirmedUserTtl,
        int bcryptCost,
        int bcryptThreads,
        int bcryptQueueSize,
        List<String> corsOrigins,
        int loginMaxFailures,
        Duration loginFailureWindow,
        Duration shutdownTimeout,
        Duration shutdownIdleGrace,
        long maxRequestBodyBytes,
        boolean requestLogEnabled,
        int requestLogQueueSize,
        int requestLogBatchSize,
        Duration requestLogRetention,
        List<String> trustedProxies,
        String opsToken) {

    /** The built-in key of earlier releases: public, so anyone could sign a token with it. Refused everywhere. */
    static final String FORMER_DEFAULT_SECRET_KEY = "dev-secret-change-me";

    /** Jetty's threads above the pool's connections: its acceptor and selector, and four for requests needing none. */
    static final int HTTP_THREADS_BEYOND_POOL = 6;

    public boolean production() {
        return "production".equals(appEnv);
    }

    /** Loads from the real process: flags, environment, ./.env, ./config/application.properties, built-in defaults. */
    public static AppConfig load(Map<String, String> flags, Map<String, String> env) {
        return load(flags, env, DotEnv.readIfPresent(Path.of(".env")), readProperties(Path.of("config", "application.properties")));
    }

    public static AppConfig load(Map<String, String> flags, Map<String, String> env,
                                 Map<String, String> dotEnv, Map<String, String> defaultsFile) {
        var vars = new Vars(flags, env, dotEnv, defaultsFile, builtInDefaults());
        String appEnv = vars.string("APP_ENV");
        if (!List.of("development", "production", "test").contains(appEnv)) {
            vars.problem("APP_ENV must be development, production or test, got '" + appEnv + "'");
        }
        int dbPoolSize = vars.integer("DB_POOL_SIZE", 1, 500);
        Optional<String> secretKey = vars.optional("SECRET_KEY");
        var config = new AppConfig(
                appEnv,
                vars.string("HOST"),
                vars.integer("PORT", 0, 65535),
                httpThreads(vars, dbPoolSize),
                DbSettings.resolve(vars),
                dbPoolSize,
                Duration.ofSeconds(vars.integer("DB_CONNECT_DEADLINE_SECONDS", 0, 3600)),
                Duration.ofMillis(vars.integer("DB_CONNECTION_TIMEOUT_MS", 250, 60_000)),
                vars.bool("MIGRATE_ON_START"),
                secretKey.orElseGet(AppConfig::randomSecretKey),
                secretKey.isEmpty(),
                Duration.ofMinutes(vars.integer("ACCESS_TOKEN_EXPIRE_MINUTES", 1, 525_600)),
                Duration.ofSeconds(vars.integer("AUTH_USER_CACHE_SECONDS", 0, 3600)),
                vars.integer("BCRYPT_COST", 4, 31),
                bcryptThreads(vars.integer("BCRYPT_THREADS", 0, 256)),
                vars.integer("BCRYPT_QUEUE_SIZE", 1, 100_000),
                vars.list("CORS_ORIGINS"),
                vars.integer("LOGIN_MAX_FAILURES", 1, 1_000_000),
                Duration.ofSeconds(vars.integer("LOGIN_FAILURE_WINDOW_SECONDS", 1, 86_400)),
                Duration.ofSeconds(vars.integer("SHUTDOWN_TIMEOUT_SECONDS", 0, 300)),
                Duration.ofSeconds(vars.integer("SHUTDOWN_IDLE_GRACE_SECONDS", 0, 300)),
                vars.integer("MAX_REQUEST_BODY_BYTES", 1024, Integer.MAX_VALUE),
                vars.bool("REQUEST_LOG_ENABLED"),
                vars.integer("REQUEST_LOG_QUEUE_SIZE", 1, 10_000_000),
                vars.integer("REQUEST_LOG_BATCH_SIZE", 1, 10_000),
                Duration.ofDays(vars.integer("REQUEST_LOG_RETENTION_DAYS", 0, 36_500)),
                vars.list("TRUSTED_PROXIES"),
                vars.optional("OPS_TOKEN").orElse(""));
        if (FORMER_DEFAULT_SECRET_KEY.equals(config.secretKey())) {
            vars.problem("SECRET_KEY is the public default of earlier releases, with which anyone can sign a token:"
                    + " remove it (a random key is then made at start) or set a random value of your own");
        }
        if (!"HS256".equals(vars.string("ALGORITHM"))) {
            vars.problem("ALGORITHM must be HS256 (the only algorithm tokens are signed and accepted with)");
        }
        if (config.production()) {
            if (config.db().embedded()) {
                vars.problem("APP_ENV=production needs a database: set DATABASE_URL (or MYSQL_HOST/DATABASE_HOSTNAME)");
            }
            if (config.secretKeyGenerated() || config.secretKey().length() < 32) {
                vars.problem("APP_ENV=production needs SECRET_KEY set to a random value of at least 32 characters");
            }
            if (config.corsOrigins().contains("*")) {
                vars.problem("APP_ENV=production needs CORS_ORIGINS set to explicit origins, not *");
            }
            if (config.opsToken().length() < 32) {
                vars.problem("APP_ENV=production needs OPS_TOKEN set to a random value of at least 32 characters"
                        + " (protects /metrics and the request logs)");
            }
            if (config.bcryptCost() < 10) {
                vars.problem("APP_ENV=production needs BCRYPT_COST of at least 10, got " + config.bcryptCost());
            }
            if (config.tokenLifetime().compareTo(Duration.ofDays(1)) > 0) {
                vars.problem("APP_ENV=production allows ACCESS_TOKEN_EXPIRE_MINUTES of at most 1440 (a day), got "
                        + config.tokenLifetime().toMinutes());
            }
        }
        vars.failIfAnyProblems();
        return config;
    }

    /**
     * 0 means DB_POOL_SIZE + 6. Nearly every request waits for a pooled connection, and a thread beyond the pool
     * only waits for one in Hikari's queue, which lets newcomers overtake; in Jetty's queue requests wait in order.
     */
    private static int httpThreads(Vars vars, int dbPoolSize) {
        int configured = vars.integer("HTTP_THREADS", 0, 1_000);
        if (configured == 0) {
            return Math.max(8, dbPoolSize + HTTP_THREADS_BEYOND_POOL);
        }
        if (configured < 8) {
            vars.problem("HTTP_THREADS must be 0 (DB_POOL_SIZE + " + HTTP_THREADS_BEYOND_POOL
                    + ") or between 8 and 1000, got " + configured);
        }
        return configured;
    }

    /** 0 means one per core: bcrypt is pure CPU, so more threads than cores only share them. */
    private static int bcryptThreads(int configured) {
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }

    @Override
    public String toString() {
        return "AppConfig[env=" + appEnv + ", " + host + ":" + port + ", " + db + ", pool=" + dbPoolSize + "]";
    }

    /** A key for this process alone, when none is configured: tokens then end at restart and other instances refuse them. */
    private static String randomSecretKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    private static Map<String, String> builtInDefaults() {
        try (InputStream in = AppConfig.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties is missing from the classpath");
            }
            return toMap(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> readProperties(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return toMap(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Map<String, String> toMap(InputStream in) throws IOException {
        var properties = new Properties();
        properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
        return map;
    }
}
