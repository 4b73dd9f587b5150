package api.support;

import api.config.AppConfig;
import api.config.DbSettings;
import java.util.HashMap;
import java.util.Map;

/** App configs for tests: the built-in defaults, a test database, port 0, cheap bcrypt, no user cache, no request log. */
public final class TestConfig {
    private TestConfig() {}

    public static AppConfig forDb(TestDb db) {
        return forDb(db.settings(), Map.of());
    }

    public static AppConfig forDb(TestDb db, Map<String, String> overrides) {
        return forDb(db.settings(), overrides);
    }

    public static AppConfig forDb(DbSettings db, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        values.put("APP_ENV", "test");
        values.put("PORT", "0");
        values.put("HOST", "127.0.0.1");
        values.put("BCRYPT_COST", "4");
        values.put("SHUTDOWN_TIMEOUT_SECONDS", "5");
        // no client here needs time to notice a closing connection: stopping a test app should not wait for idle ones
        values.put("SHUTDOWN_IDLE_GRACE_SECONDS", "0");
        // tests truncate tables between cases and reuse ids, so the app must ask the database every time
        values.put("AUTH_USER_CACHE_SECONDS", "0");
        // tests store request logs dated years back; an app's hourly purge must not take them mid-run
        values.put("REQUEST_LOG_RETENTION_DAYS", "0");
        // a background writer would race each test's own cleanup of the tables: the request-log tests turn it on
        values.put("REQUEST_LOG_ENABLED", "false");
        // every test signs up from 127.0.0.1: the sign-up limit's own tests set it low
        values.put("SIGNUP_MAX_PER_HOUR", "1000000");
        values.put("SECRET_KEY", "test-secret-key-that-is-long-enough-for-hs256");
        values.put("DATABASE_URL", db.jdbcUrl());
        if (db.username() != null) {
            values.put("DATABASE_USERNAME", db.username());
            values.put("DATABASE_PASSWORD", db.password());
        }
        values.putAll(overrides);
        return AppConfig.load(values, Map.of(), Map.of(), Map.of());
    }
}
