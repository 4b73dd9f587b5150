package api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParamsTest {

    @Test
    void a_whole_number_is_read_with_or_without_its_sign() {
        assertEquals(Optional.of(10), Params.asInt("10"));
        assertEquals(Optional.of(5), Params.asInt("+5"));
        assertEquals(Optional.of(-1), Params.asInt("-1"));
    }

    @Test
    void text_that_is_no_int_is_empty_as_an_absent_one() {
        for (String text : new String[] {null, "", " 5", "1.5", "ten", "2147483648"}) {
            assertTrue(Params.asInt(text).isEmpty(), "[" + text + "]");
        }
    }

    @Test
    void an_id_is_read_as_a_long_and_anything_else_is_empty() {
        assertEquals(Optional.of(9_000_000_000L), Params.asLong("9000000000"));
        assertTrue(Params.asLong("L5").isEmpty());
        assertTrue(Params.asLong("9223372036854775808").isEmpty());
        assertTrue(Params.asLong(null).isEmpty());
    }
}
