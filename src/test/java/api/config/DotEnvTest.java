package api.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvTest {

    @Test
    void reads_plain_quoted_and_exported_values_and_skips_comments() {
        Map<String, String> values = DotEnv.parse("""
                # a comment
                PORT=8001
                export SECRET_KEY="with spaces # not a comment"
                DATABASE_URL='mysql://u:p@db/app'
                APP_ENV=production # trailing comment

                not a pair
                """);
        assertEquals(
                Map.of(
                        "PORT",
                        "8001",
                        "SECRET_KEY",
                        "with spaces # not a comment",
                        "DATABASE_URL",
                        "mysql://u:p@db/app",
                        "APP_ENV",
                        "production"),
                values);
    }

    @Test
    void missing_file_reads_as_empty() {
        assertEquals(Map.of(), DotEnv.readIfPresent(java.nio.file.Path.of("/nonexistent/.env")));
    }
}
