package api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppConfigTest {
    private static final Map<String, String> NONE = Map.of();

    private static AppConfig load(
            Map<String, String> flags,
            Map<String, String> env,
            Map<String, String> dotEnv,
            Map<String, String> defaultsFile) {
        return AppConfig.load(flags, env, dotEnv, defaultsFile);
    }

    @Test
    void built_in_defaults_apply_when_nothing_is_set() {
        AppConfig config = load(NONE, NONE, NONE, NONE);
        assertEquals(8000, config.http().port());
        assertEquals("127.0.0.1", config.http().host());
        assertEquals("development", config.appEnv());
        assertEquals(Duration.ofSeconds(30), config.database().connectDeadline());
        assertEquals(Duration.ofMinutes(30), config.auth().tokenLifetime());
        assertTrue(config.database().migrateOnStart());
        assertTrue(config.database().location().embedded());
    }

    @Test
    void config_file_beats_built_in_defaults() {
        assertEquals(7000, load(NONE, NONE, NONE, Map.of("PORT", "7000")).http().port());
    }

    @Test
    void dot_env_beats_config_file() {
        assertEquals(
                7001,
                load(NONE, NONE, Map.of("PORT", "7001"), Map.of("PORT", "7000"))
                        .http()
                        .port());
    }

    @Test
    void environment_beats_dot_env() {
        assertEquals(
                7002,
                load(NONE, Map.of("PORT", "7002"), Map.of("PORT", "7001"), Map.of("PORT", "7000"))
                        .http()
                        .port());
    }

    @Test
    void flag_beats_environment() {
        assertEquals(
                7003,
                load(Map.of("PORT", "7003"), Map.of("PORT", "7002"), Map.of("PORT", "7001"), NONE)
                        .http()
                        .port());
    }

    @Test
    void blank_value_falls_through_to_the_next_layer() {
        assertEquals(
                7001,
                load(NONE, Map.of("PORT", " "), Map.of("PORT", "7001"), NONE)
                        .http()
                        .port());
    }

    @Test
    void non_numeric_port_is_an_error_naming_the_key_and_value() {
        var error = assertThrows(ConfigException.class, () -> load(NONE, Map.of("PORT", "abc"), NONE, NONE));
        assertEquals("PORT must be an integer, got 'abc'", error.getMessage());
    }

    @Test
    void port_out_of_range_is_an_error() {
        var error = assertThrows(ConfigException.class, () -> load(NONE, Map.of("PORT", "70000"), NONE, NONE));
        assertTrue(error.getMessage().startsWith("PORT must be between 0 and 65535"));
    }

    @Test
    void every_bad_key_is_reported_at_once() {
        var error = assertThrows(
                ConfigException.class,
                () -> load(NONE, Map.of("PORT", "x", "DB_POOL_SIZE", "y", "MIGRATE_ON_START", "maybe"), NONE, NONE));
        assertTrue(error.getMessage().contains("PORT"));
        assertTrue(error.getMessage().contains("DB_POOL_SIZE"));
        assertTrue(error.getMessage().contains("MIGRATE_ON_START"));
    }

    @Test
    void unknown_log_level_is_an_error_naming_what_it_accepts() {
        var error = assertThrows(ConfigException.class, () -> load(Map.of("LOG_LEVEL", "LOUD"), NONE, NONE, NONE));
        assertEquals("LOG_LEVEL must be TRACE, DEBUG, INFO, WARN or ERROR, got 'LOUD'", error.getMessage());
    }

    @Test
    void log_level_is_read_in_any_case() {
        assertEquals(
                "DEBUG",
                load(NONE, Map.of("LOG_LEVEL", "debug"), NONE, NONE).logging().level());
    }

    @Test
    void unknown_log_format_is_an_error_naming_what_it_accepts() {
        var error = assertThrows(ConfigException.class, () -> load(NONE, NONE, Map.of("LOG_FORMAT", "xml"), NONE));
        assertEquals("LOG_FORMAT must be text or json, got 'xml'", error.getMessage());
    }

    @Test
    void unknown_app_env_is_an_error() {
        var error = assertThrows(ConfigException.class, () -> load(NONE, Map.of("APP_ENV", "prod"), NONE, NONE));
        assertTrue(error.getMessage().contains("APP_ENV"));
    }

    @Test
    void an_unknown_flag_is_an_error_suggesting_the_nearest_flag() {
        var error = assertThrows(ConfigException.class, () -> load(Map.of("PROT", "8001"), NONE, NONE, NONE));
        assertEquals("unknown flag --prot; did you mean --port?", error.getMessage());
    }

    @Test
    void an_unknown_flag_like_no_setting_is_an_error_pointing_to_help() {
        var error = assertThrows(ConfigException.class, () -> load(Map.of("FROBNICATE", "1"), NONE, NONE, NONE));
        assertEquals("unknown flag --frobnicate; see --help", error.getMessage());
    }

    @Test
    void an_unknown_key_in_dot_env_is_a_warning_suggesting_the_nearest_key() {
        AppConfig config = load(NONE, NONE, Map.of("PROT", "9"), NONE);
        assertEquals(List.of(".env: unknown key PROT; did you mean PORT?"), config.warnings());
    }

    @Test
    void an_unknown_key_in_the_properties_file_is_a_warning_suggesting_the_nearest_key() {
        AppConfig config = load(NONE, NONE, NONE, Map.of("LOG_LEVE", "DEBUG"));
        assertEquals(
                List.of(AppConfig.PROPERTIES_FILE + ": unknown key LOG_LEVE; did you mean LOG_LEVEL?"),
                config.warnings());
    }

    @Test
    void another_tools_key_in_a_file_is_a_warning_without_a_suggestion() {
        AppConfig config = load(NONE, NONE, Map.of("COMPOSE_PROJECT_NAME", "api"), NONE);
        assertEquals(List.of(".env: unknown key COMPOSE_PROJECT_NAME"), config.warnings());
    }

    @Test
    void the_environments_unrelated_variables_raise_no_warning() {
        AppConfig config = load(NONE, Map.of("PATH", "/usr/bin", "HOME", "/root", "PROT", "9"), NONE, NONE);
        assertEquals(List.of(), config.warnings());
    }

    @Test
    void a_trusted_proxy_that_is_no_address_is_an_error_naming_the_key_and_what_it_accepts() {
        var error = assertThrows(
                ConfigException.class, () -> load(NONE, Map.of("TRUSTED_PROXIES", "proxy.internal"), NONE, NONE));
        assertEquals(
                "TRUSTED_PROXIES must be IP addresses or CIDR ranges such as 10.0.0.0/8, comma separated:"
                        + " 'proxy.internal' is not an IP address or CIDR range",
                error.getMessage());
    }

    @Test
    void a_trusted_proxy_range_with_an_impossible_prefix_is_an_error() {
        var error = assertThrows(
                ConfigException.class, () -> load(NONE, Map.of("TRUSTED_PROXIES", "10.0.0.0/33"), NONE, NONE));
        assertTrue(error.getMessage().startsWith("TRUSTED_PROXIES must be"), error.getMessage());
        assertTrue(error.getMessage().endsWith("'10.0.0.0/33' has an invalid prefix length"), error.getMessage());
    }

    @Test
    void trusted_proxies_are_the_addresses_and_ranges_listed() {
        AppConfig config = load(NONE, Map.of("TRUSTED_PROXIES", "192.0.2.1, 10.0.0.0/8"), NONE, NONE);
        assertTrue(config.http().trustsProxy(new byte[] {10, 1, 2, 3}));
        assertTrue(config.http().trustsProxy(new byte[] {(byte) 192, 0, 2, 1}));
        assertFalse(config.http().trustsProxy(new byte[] {127, 0, 0, 1}));
    }

    @Test
    void a_cors_origin_with_a_path_is_an_error_naming_the_key_and_what_it_accepts() {
        var error = assertThrows(
                ConfigException.class,
                () -> load(NONE, Map.of("CORS_ORIGINS", "https://app.example.com/app"), NONE, NONE));
        assertEquals(
                "CORS_ORIGINS must be * or origins such as https://app.example.com, comma separated:"
                        + " 'https://app.example.com/app' is not an origin",
                error.getMessage());
    }

    @Test
    void cors_origins_may_be_any_origin_a_port_or_a_wildcard_subdomain() {
        var origins = List.of("http://localhost:3000", "https://*.example.com", "https://app.example.com");
        AppConfig config = load(NONE, Map.of("CORS_ORIGINS", String.join(",", origins)), NONE, NONE);
        assertEquals(origins, config.http().corsOrigins());
    }

    @Test
    void a_bad_boolean_is_an_error_naming_the_key_and_what_it_accepts() {
        var error = assertThrows(
                ConfigException.class, () -> load(NONE, Map.of("REQUEST_LOG_ENABLED", "maybe"), NONE, NONE));
        assertEquals("REQUEST_LOG_ENABLED must be true or false, got 'maybe'", error.getMessage());
    }

    @Test
    void a_boolean_may_be_written_as_shell_scripts_write_it() {
        assertFalse(load(NONE, Map.of("MIGRATE_ON_START", "off"), NONE, NONE)
                .database()
                .migrateOnStart());
    }

    @Test
    void http_threads_under_its_least_is_an_error_stating_its_rule() {
        var error = assertThrows(ConfigException.class, () -> load(NONE, Map.of("HTTP_THREADS", "5"), NONE, NONE));
        assertEquals("HTTP_THREADS must be 0 (DB_POOL_SIZE + 6) or between 8 and 1000, got 5", error.getMessage());
    }

    @Test
    void http_threads_over_its_most_is_an_error_stating_the_same_rule() {
        var error = assertThrows(ConfigException.class, () -> load(NONE, Map.of("HTTP_THREADS", "1001"), NONE, NONE));
        assertEquals("HTTP_THREADS must be 0 (DB_POOL_SIZE + 6) or between 8 and 1000, got 1001", error.getMessage());
    }

    @Test
    void http_threads_rule_is_the_one_help_and_the_reference_state() {
        assertEquals(
                "Jetty's thread pool, requests beyond it wait in Jetty's queue in order (0 for DB_POOL_SIZE + 6, or 8"
                        + " to 1000)",
                Settings.HTTP_THREADS.description());
    }

    @Test
    void a_span_setting_is_read_in_its_unit() {
        AppConfig config = load(NONE, Map.of("DB_CONNECTION_TIMEOUT_MS", "250"), NONE, NONE);
        assertEquals(Duration.ofMillis(250), config.database().connectionTimeout());
    }

    @Test
    void a_database_url_of_another_database_is_one_error_naming_its_key_even_in_production() {
        var env = productionEnv(Map.of("DATABASE_URL", "postgres://u:secret@db/app"));
        var error = assertThrows(ConfigException.class, () -> load(NONE, env, NONE, NONE));
        assertEquals(
                "DATABASE_URL must start with mysql:// or jdbc:mysql:// (got scheme 'postgres')", error.getMessage());
    }

    @Test
    void production_without_a_database_is_an_error() {
        var error = assertThrows(ConfigException.class, () -> load(NONE, productionEnv(Map.of()), NONE, NONE));
        assertTrue(error.getMessage().contains("needs a database"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:mem:prod", "jdbc:h2:file:/var/lib/api/api", "jdbc:h2:./data/api;MODE=MySQL"})
    void production_with_an_embedded_h2_url_is_an_error_naming_its_key(String url) {
        var env = productionEnv(Map.of("DATABASE_URL", url));
        var error = assertThrows(ConfigException.class, () -> load(NONE, env, NONE, NONE));
        assertEquals(
                "APP_ENV=production refuses the embedded H2 database in DATABASE_URL: set it to a MySQL or MariaDB URL",
                error.getMessage());
    }

    @Test
    void production_names_the_heroku_key_that_holds_an_embedded_h2_url() {
        var env = productionEnv(Map.of("JAWSDB_URL", "jdbc:h2:mem:prod"));
        var error = assertThrows(ConfigException.class, () -> load(NONE, env, NONE, NONE));
        assertTrue(error.getMessage().contains("embedded H2 database in JAWSDB_URL"), error.getMessage());
    }

    @Test
    void production_with_a_short_ops_token_is_an_error() {
        var env = productionEnv(Map.of("DATABASE_URL", "mysql://u:p@db:3306/app", "OPS_TOKEN", "guessable"));
        var error = assertThrows(ConfigException.class, () -> load(NONE, env, NONE, NONE));
        assertTrue(error.getMessage().contains("OPS_TOKEN set to a random value of at least 32"), error.getMessage());
        assertFalse(error.getMessage().contains("guessable"));
    }

    @Test
    void production_with_a_bcrypt_cost_under_10_is_an_error() {
        var env = productionEnv(Map.of("DATABASE_URL", "mysql://u:p@db:3306/app", "BCRYPT_COST", "9"));
        var error = assertThrows(ConfigException.class, () -> load(NONE, env, NONE, NONE));
        assertTrue(error.getMessage().contains("BCRYPT_COST of at least 10"), error.getMessage());
    }

    @Test
    void production_with_tokens_living_over_a_day_is_an_error() {
        var env =
                productionEnv(Map.of("DATABASE_URL", "mysql://u:p@db:3306/app", "ACCESS_TOKEN_EXPIRE_MINUTES", "1441"));
        var error = assertThrows(ConfigException.class, () -> load(NONE, env, NONE, NONE));
        assertTrue(error.getMessage().contains("ACCESS_TOKEN_EXPIRE_MINUTES of at most 1440"), error.getMessage());
    }

    @Test
    void production_without_a_secret_key_is_an_error() {
        var env = productionEnv(Map.of("DATABASE_URL", "mysql://u:p@db:3306/app"));
        env.remove("SECRET_KEY");
        var error = assertThrows(ConfigException.class, () -> load(NONE, env, NONE, NONE));
        assertTrue(error.getMessage().contains("needs SECRET_KEY"), error.getMessage());
    }

    @Test
    void the_former_public_default_secret_key_is_refused_in_development_too() {
        var error = assertThrows(
                ConfigException.class,
                () -> load(NONE, Map.of("SECRET_KEY", AppConfig.FORMER_DEFAULT_SECRET_KEY), NONE, NONE));
        assertTrue(error.getMessage().contains("SECRET_KEY is the public default"), error.getMessage());
        assertFalse(error.getMessage().contains(AppConfig.FORMER_DEFAULT_SECRET_KEY));
    }

    @Test
    void without_a_secret_key_each_start_makes_its_own_random_one() {
        AppConfig first = load(NONE, NONE, NONE, NONE);
        AppConfig second = load(NONE, NONE, NONE, NONE);

        assertTrue(first.auth().secretKeyGenerated());
        assertTrue(first.auth().secretKey().length() >= 32, first.auth().secretKey());
        assertNotEquals(first.auth().secretKey(), second.auth().secretKey());
    }

    @Test
    void production_with_wildcard_cors_is_an_error() {
        var env = productionEnv(Map.of("DATABASE_URL", "mysql://u:p@db:3306/app", "CORS_ORIGINS", "*"));
        var error = assertThrows(ConfigException.class, () -> load(NONE, env, NONE, NONE));
        assertTrue(error.getMessage().contains("CORS_ORIGINS"));
    }

    @Test
    void production_without_an_ops_token_is_an_error() {
        var env = new java.util.HashMap<>(productionEnv(Map.of("DATABASE_URL", "mysql://u:p@db:3306/app")));
        env.remove("OPS_TOKEN");
        var error = assertThrows(ConfigException.class, () -> load(NONE, env, NONE, NONE));
        assertTrue(error.getMessage().contains("OPS_TOKEN"));
    }

    @Test
    void complete_production_config_loads() {
        AppConfig config = load(NONE, productionEnv(Map.of("DATABASE_URL", "mysql://u:p@db:3306/app")), NONE, NONE);
        assertTrue(config.production());
        assertEquals(List.of("https://app.example.com"), config.http().corsOrigins());
    }

    @Test
    void algorithms_other_than_hs256_are_refused() {
        var error = assertThrows(ConfigException.class, () -> load(NONE, Map.of("ALGORITHM", "none"), NONE, NONE));
        assertTrue(error.getMessage().contains("ALGORITHM must be HS256"));
    }

    @Test
    void to_string_never_shows_the_secret_key_or_database_password() {
        AppConfig config = load(
                NONE,
                Map.of("SECRET_KEY", "very-secret-value", "DATABASE_URL", "mysql://u:hunter2@db/app"),
                NONE,
                NONE);
        assertFalse(config.toString().contains("very-secret-value"));
        assertFalse(config.toString().contains("hunter2"));
    }

    private static Map<String, String> productionEnv(Map<String, String> extra) {
        var env = new java.util.HashMap<String, String>();
        env.put("APP_ENV", "production");
        env.put("SECRET_KEY", "a".repeat(40));
        env.put("CORS_ORIGINS", "https://app.example.com");
        env.put("OPS_TOKEN", "o".repeat(32));
        env.putAll(extra);
        return env;
    }

    @Test
    void without_smtp_host_recovery_by_email_is_off() {
        assertFalse(load(NONE, NONE, NONE, NONE).mail().enabled());
    }

    @Test
    void smtp_host_without_public_url_is_a_one_line_start_error() {
        var error = assertThrows(
                ConfigException.class,
                () -> load(NONE, Map.of("SMTP_HOST", "mail.example.com", "SMTP_FROM", "a@example.com"), NONE, NONE));

        assertTrue(error.getMessage().contains("SMTP_HOST needs PUBLIC_URL"), error.getMessage());
        assertFalse(error.getMessage().contains("\n"));
    }

    @Test
    void smtp_host_without_a_from_address_is_an_error() {
        var error = assertThrows(
                ConfigException.class,
                () -> load(
                        NONE,
                        Map.of("SMTP_HOST", "mail.example.com", "PUBLIC_URL", "https://tasks.example.com"),
                        NONE,
                        NONE));

        assertTrue(error.getMessage().contains("SMTP_HOST needs SMTP_FROM"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"tasks.example.com", "ftp://tasks.example.com", "https://tasks.example.com/?x=1", "https://"})
    void a_public_url_that_is_not_a_web_address_is_an_error(String url) {
        var error = assertThrows(ConfigException.class, () -> load(NONE, Map.of("PUBLIC_URL", url), NONE, NONE));

        assertTrue(error.getMessage().startsWith("PUBLIC_URL must be"), error.getMessage());
    }

    @Test
    void a_public_url_loses_its_trailing_slash_so_links_have_one() {
        var config = load(NONE, Map.of("PUBLIC_URL", "https://tasks.example.com/app/"), NONE, NONE);

        assertEquals("https://tasks.example.com/app", config.mail().publicUrl());
    }

    @Test
    void smtp_security_is_starttls_unless_set() {
        assertEquals("starttls", load(NONE, NONE, NONE, NONE).mail().security());
    }

    @Test
    void the_smtp_password_is_in_no_message_and_no_description_of_the_config() {
        var env = Map.of(
                "SMTP_HOST", "mail.example.com",
                "SMTP_PASSWORD", "smtp-password-value",
                "SMTP_PORT", "not-a-port");

        var error = assertThrows(ConfigException.class, () -> load(NONE, env, NONE, NONE));
        assertFalse(error.getMessage().contains("smtp-password-value"), error.getMessage());
        var config = load(
                NONE,
                Map.of(
                        "SMTP_HOST", "mail.example.com",
                        "SMTP_PASSWORD", "smtp-password-value",
                        "SMTP_FROM", "a@example.com",
                        "PUBLIC_URL", "https://tasks.example.com"),
                NONE,
                NONE);
        assertFalse(config.mail().toString().contains("smtp-password-value"));
        assertFalse(config.toString().contains("smtp-password-value"));
    }
}
