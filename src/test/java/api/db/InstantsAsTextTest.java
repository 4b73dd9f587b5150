package api.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantsAsTextTest {

    @Test
    void timestamp_has_microseconds_and_an_explicit_utc_offset() {
        assertEquals(
                "2021-08-29T23:42:58.021392+00:00",
                InstantsAsText.isoUtc(Instant.parse("2021-08-29T23:42:58.021392Z")));
    }

    @Test
    void timestamp_truncates_nanoseconds_to_microseconds() {
        assertEquals(
                "1970-01-01T00:00:00.000000+00:00",
                InstantsAsText.isoUtc(Instant.parse("1970-01-01T00:00:00.000000999Z")));
    }

    @Test
    void timestamp_pads_small_years_to_four_digits() {
        assertEquals(
                "0042-03-04T05:06:07.000008+00:00",
                InstantsAsText.isoUtc(Instant.parse("0042-03-04T05:06:07.000008Z")));
    }

    @Test
    void timestamp_beyond_year_9999_is_the_formatters_text() {
        Instant farFuture = Instant.parse("+10000-01-01T00:00:00Z");
        assertEquals(InstantsAsText.ISO_UTC.format(farFuture), InstantsAsText.isoUtc(farFuture));
    }

    @Test
    void timestamp_matches_the_formatter_over_random_instants() {
        var random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            Instant t = Instant.ofEpochSecond(
                    random.nextLong(-62_135_596_800L, 253_402_300_800L), random.nextInt(1_000_000_000));
            assertEquals(InstantsAsText.ISO_UTC.format(t), InstantsAsText.isoUtc(t), t::toString);
        }
    }

    @Test
    void bound_text_is_the_same_timestamp_without_its_offset() {
        assertEquals("2021-08-29T23:42:58.021392", InstantsAsText.text(Instant.parse("2021-08-29T23:42:58.021392Z")));
    }
}
