package api.logs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    @Test
    void every_redacted_name_part_is_listed_in_the_request_log_docs() throws Exception {
        String docs = Files.readString(Path.of("src/docs/request-logs.md"));

        for (String part : RequestLog.SECRET_NAME_PARTS) {
            assertTrue(docs.contains("`" + part + "`"), part + " is redacted but not listed in request-logs.md");
        }
    }
}
