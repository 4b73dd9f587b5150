package api.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LogIdsTest {
    private static final Instant T = Instant.ofEpochMilli(1_000_000);

    @Test
    void an_id_is_a_version_7_uuid_carrying_the_millisecond_the_request_started() {
        UUID id = UUID.fromString(new LogIds().next(Instant.parse("2026-12-02T08:00:00.123456Z")));

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(Instant.parse("2026-12-02T08:00:00.123Z").toEpochMilli(), millis(id.toString()));
    }

    @Test
    void ids_of_later_milliseconds_sort_after_earlier_ones_as_text() {
        var ids = new LogIds();

        assertSortedAscending(List.of(ids.next(T), ids.next(T.plusMillis(1)), ids.next(T.plusSeconds(3600))));
    }

    @Test
    void ids_made_within_one_millisecond_sort_in_the_order_they_were_made() {
        assertSortedAscending(make(new LogIds(), T, 4_096));
    }

    @Test
    void past_4096_ids_in_a_millisecond_the_next_millisecond_is_borrowed_and_order_kept() {
        List<String> made = make(new LogIds(), T, 5_000);

        assertSortedAscending(made);
        assertEquals(T.toEpochMilli() + 1, millis(made.get(4_999)));
    }

    @Test
    void a_record_that_started_before_the_previous_one_still_sorts_after_it() {
        var ids = new LogIds();
        String previous = ids.next(T);

        String earlierStart = ids.next(T.minusSeconds(1));

        assertSortedAscending(List.of(previous, earlierStart));
        assertEquals(T.toEpochMilli(), millis(earlierStart));
    }

    @Test
    void first_sorts_after_every_id_of_earlier_milliseconds_and_before_the_rest() {
        var ids = new LogIds();
        List<String> around =
                List.of(ids.next(T.minusMillis(1)), LogIds.first(T), ids.next(T), ids.next(T.plusMillis(1)));

        assertSortedAscending(around);
        assertEquals("0000000f-4240-7000-8000-000000000000", LogIds.first(T));
    }

    private static long millis(String id) {
        return UUID.fromString(id).getMostSignificantBits() >>> 16;
    }

    private static List<String> make(LogIds ids, Instant at, int n) {
        var made = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            made.add(ids.next(at));
        }
        return made;
    }

    private static void assertSortedAscending(List<String> ids) {
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i - 1).compareTo(ids.get(i)) < 0, ids.get(i - 1) + " !< " + ids.get(i) + " at " + i);
        }
    }
}
