package api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DbSettingsTest {

    private static DbSettings resolve(Map<String, String> env) {
        var vars = new Vars(env);
        DbSettings settings = DbSettings.resolve(vars);
        vars.failIfAnyProblems();
        return settings;
    }

    @Test
    void h2_file_and_memory_urls_are_embedded_and_its_server_urls_are_not() {
        assertTrue(resolve(Map.of("DATABASE_URL", "jdbc:h2:mem:x")).isEmbeddedH2());
        assertTrue(resolve(Map.of("DATABASE_URL", "jdbc:h2:file:/tmp/x")).isEmbeddedH2());
        assertFalse(resolve(Map.of("DATABASE_URL", "jdbc:h2:tcp://db:9092/x")).isEmbeddedH2());
        assertFalse(resolve(Map.of("DATABASE_URL", "jdbc:h2:ssl://db:9092/x")).isEmbeddedH2());
        assertFalse(resolve(Map.of("DATABASE_URL", "jdbc:mysql://db:3306/x")).isEmbeddedH2());
    }

    @Test
    void jdbc_mysql_url_is_used_as_given() {
        DbSettings db = resolve(Map.of(
                "DATABASE_URL",
                "jdbc:mysql://db.internal:3307/app?useSSL=false",
                "DATABASE_USERNAME",
                "app",
                "DATABASE_PASSWORD",
                "pw"));
        assertEquals("jdbc:mysql://db.internal:3307/app?useSSL=false", db.jdbcUrl());
        assertEquals("app", db.username());
        assertEquals("pw", db.password());
        assertFalse(db.embedded());
    }

    @Test
    void heroku_style_url_is_split_into_jdbc_url_user_and_password() {
        DbSettings db = resolve(Map.of("DATABASE_URL", "mysql://user1:p%40ss+word@db.example.com:3307/heroku_app"));
        assertEquals("jdbc:mysql://db.example.com:3307/heroku_app", db.jdbcUrl());
        assertEquals("user1", db.username());
        assertEquals("p@ss+word", db.password());
    }

    @Test
    void url_without_port_uses_3306() {
        DbSettings db = resolve(Map.of("DATABASE_URL", "mysql://u:p@db.example.com/app"));
        assertEquals("jdbc:mysql://db.example.com:3306/app", db.jdbcUrl());
    }

    @Test
    void cleardb_url_without_port_and_with_reconnect_flag_is_accepted() {
        DbSettings db = resolve(Map.of(
                "CLEARDB_DATABASE_URL", "mysql://b0cd:4f1e@us-cdbr-east-06.cleardb.net/heroku_abc?reconnect=true"));
        assertEquals("jdbc:mysql://us-cdbr-east-06.cleardb.net:3306/heroku_abc", db.jdbcUrl());
        assertEquals("b0cd", db.username());
    }

    @Test
    void jawsdb_url_is_read_when_database_url_is_absent() {
        DbSettings db = resolve(Map.of("JAWSDB_URL", "mysql://j:pw@jaws.example.com:3306/jdb"));
        assertEquals("jdbc:mysql://jaws.example.com:3306/jdb", db.jdbcUrl());
    }

    @Test
    void database_url_wins_over_add_on_urls() {
        DbSettings db =
                resolve(Map.of("DATABASE_URL", "mysql://a:b@primary/app", "JAWSDB_URL", "mysql://j:pw@jaws/jdb"));
        assertEquals("jdbc:mysql://primary:3306/app", db.jdbcUrl());
    }

    @Test
    void fastapi_course_split_form_is_assembled() {
        DbSettings db = resolve(Map.of(
                "DATABASE_HOSTNAME",
                "localhost",
                "DATABASE_PORT",
                "3307",
                "DATABASE_USERNAME",
                "fastapi",
                "DATABASE_PASSWORD",
                "pw",
                "DATABASE_NAME",
                "fastapi"));
        assertEquals("jdbc:mysql://localhost:3307/fastapi", db.jdbcUrl());
        assertEquals("fastapi", db.username());
        assertEquals("pw", db.password());
    }

    @Test
    void mysql_split_form_is_assembled() {
        DbSettings db = resolve(
                Map.of("MYSQL_HOST", "db", "MYSQL_USER", "todo", "MYSQL_PASSWORD", "pw", "MYSQL_DATABASE", "todo_app"));
        assertEquals("jdbc:mysql://db:3306/todo_app", db.jdbcUrl());
        assertEquals("todo", db.username());
    }

    @Test
    void split_form_without_database_name_is_an_error() {
        var error = assertThrows(ConfigException.class, () -> resolve(Map.of("MYSQL_HOST", "db")));
        assertEquals("MYSQL_DATABASE is required", error.getMessage());
    }

    @Test
    void nothing_configured_means_the_embedded_h2_file_database() {
        DbSettings db = resolve(Map.of("DATA_DIR", "/tmp/api-data"));
        assertTrue(db.embedded());
        assertTrue(db.isH2());
        assertTrue(db.jdbcUrl().startsWith("jdbc:h2:file:/tmp/api-data/api;MODE=MySQL"));
    }

    @Test
    void unknown_scheme_is_an_error_naming_the_key_and_scheme() {
        var error = assertThrows(
                ConfigException.class, () -> resolve(Map.of("DATABASE_URL", "postgres://u:secret@db/app")));
        assertEquals(
                "DATABASE_URL must start with mysql:// or jdbc:mysql:// (got scheme 'postgres')", error.getMessage());
    }

    @Test
    void malformed_url_error_does_not_echo_the_password() {
        var error =
                assertThrows(ConfigException.class, () -> resolve(Map.of("DATABASE_URL", "mysql://u:sec ret@db/app")));
        assertTrue(error.getMessage().startsWith("DATABASE_URL is malformed"));
        assertFalse(error.getMessage().contains("sec ret"));
    }

    @Test
    void url_without_database_name_is_an_error() {
        var error = assertThrows(ConfigException.class, () -> resolve(Map.of("DATABASE_URL", "mysql://u:p@db:3306/")));
        assertTrue(error.getMessage().startsWith("DATABASE_URL is malformed"));
    }

    @Test
    void safe_url_and_to_string_hide_the_password() {
        DbSettings db = resolve(Map.of("DATABASE_URL", "jdbc:mysql://db/app?user=u&password=hunter2"));
        assertFalse(db.safeUrl().contains("hunter2"));
        assertFalse(db.toString().contains("hunter2"));
        DbSettings split = resolve(Map.of("DATABASE_URL", "mysql://u:hunter2@db/app"));
        assertFalse(split.toString().contains("hunter2"));
    }
}
