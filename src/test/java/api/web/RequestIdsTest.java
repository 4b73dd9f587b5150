package api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void a_time_ordered_id_is_a_version_7_uuid_carrying_the_current_millisecond() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(RequestIds.timeOrdered());
        long after = System.currentTimeMillis();

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, millis + " not in [" + before + ", " + after + "]");
    }

    @Test
    void time_ordered_ids_of_later_milliseconds_sort_after_earlier_ones_as_text() throws InterruptedException {
        String first = RequestIds.timeOrdered();
        Thread.sleep(2);
        String second = RequestIds.timeOrdered();

        assertTrue(first.compareTo(second) < 0, first + " !< " + second);
    }

    @Test
    void a_generated_request_id_is_a_random_version_4_uuid() {
        assertEquals(4, UUID.fromString(RequestIds.generate()).version());
    }
}
