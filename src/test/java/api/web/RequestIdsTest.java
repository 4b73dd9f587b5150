package api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void a_generated_request_id_is_a_random_version_4_uuid() {
        assertEquals(4, UUID.fromString(RequestIds.generate()).version());
    }
}
