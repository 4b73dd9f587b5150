package api.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogIdsTest {

    @Test
    void an_id_is_a_version_7_uuid_carrying_the_current_millisecond() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(new LogIds().next());
        long after = System.currentTimeMillis();

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, millis + " not in [" + before + ", " + after + "]");
    }

    @Test
    void ids_of_later_milliseconds_sort_after_earlier_ones_as_text() {
        assertSortedAscending(idsBeforeAndAfterTheClockMovesFromMillis1000000To(1_000_001));
    }

    @Test
    void ids_made_within_one_millisecond_sort_in_the_order_they_were_made() {
        var ids = new LogIds(() -> 1_000_000);

        assertSortedAscending(make(ids, 4_096));
    }

    @Test
    void past_4096_ids_in_a_millisecond_the_next_millisecond_is_borrowed_and_order_kept() {
        var ids = new LogIds(() -> 1_000_000);
        List<String> made = make(ids, 5_000);

        assertSortedAscending(made);
        assertEquals(1_000_001, UUID.fromString(made.get(4_999)).getMostSignificantBits() >>> 16);
    }

    @Test
    void a_clock_that_goes_back_does_not_break_the_order() {
        assertSortedAscending(idsBeforeAndAfterTheClockMovesFromMillis1000000To(999_000));
    }

    private static List<String> idsBeforeAndAfterTheClockMovesFromMillis1000000To(long millis) {
        var now = new AtomicLong(1_000_000);
        var ids = new LogIds(now::get);
        String first = ids.next();
        now.set(millis);
        return List.of(first, ids.next());
    }

    private static List<String> make(LogIds ids, int n) {
        var made = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            made.add(ids.next());
        }
        return made;
    }

    private static void assertSortedAscending(List<String> ids) {
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i - 1).compareTo(ids.get(i)) < 0, ids.get(i - 1) + " !< " + ids.get(i) + " at " + i);
        }
    }
}
