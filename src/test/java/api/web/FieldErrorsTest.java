package api.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {

    @Test
    void every_failure_is_answered_together_in_fastapis_words() throws Exception {
        var errors = new FieldErrors();
        assertNull(errors.text(Json.MAPPER.readTree("{\"title\": 1}"), "title"));
        assertNull(errors.text(Json.MAPPER.readTree("{\"title\": 1}"), "content"));
        errors.add("dir", "ensure this value is 0 or 1", "value_error.number.not_le");

        var thrown = assertThrows(RequestValidationError.class, errors::throwIfAny);

        assertEquals(
                "{\"detail\":["
                        + "{\"loc\":[\"body\",\"title\"],\"msg\":\"str type expected\",\"type\":\"type_error.str\"},"
                        + "{\"loc\":[\"body\",\"content\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"},"
                        + "{\"loc\":[\"body\",\"dir\"],\"msg\":\"ensure this value is 0 or 1\","
                        + "\"type\":\"value_error.number.not_le\"}"
                        + "]}",
                Json.MAPPER.writeValueAsString(Map.of("detail", thrown.errors())));
    }

    @Test
    void a_body_whose_fields_are_all_good_throws_nothing() throws Exception {
        var errors = new FieldErrors();

        assertEquals("t", errors.text(Json.MAPPER.readTree("{\"title\": \"t\"}"), "title"));
        assertDoesNotThrow(errors::throwIfAny);
    }
}
