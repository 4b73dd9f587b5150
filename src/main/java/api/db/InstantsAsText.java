package api.db;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * The app's one UTC timestamp text, as the FastAPI original wrote it, bound without its offset (MariaDB refuses one).
 * Bound as text because Connector/J takes MariaDB's "5.5.5-10.x" version for a server without fractional seconds and
 * cuts them.
 */
public final class InstantsAsText extends AbstractArgumentFactory<Instant> {
    public static final DateTimeFormatter ISO_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    private static final int WITHOUT_OFFSET = "0000-00-00T00:00:00.000000".length();

    InstantsAsText() {
        super(Types.TIMESTAMP);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
        String text = text(value);
        return (position, statement, context) -> statement.setString(position, text);
    }

    /** The text this binds for {@code instant}; H2 reads it too (the JVM runs in UTC). */
    public static String text(Instant instant) {
        return isoUtc(instant).substring(0, WITHOUT_OFFSET);
    }

    /**
     * {@link #ISO_UTC}'s text, by hand for years 0 to 9999: the formatter's BigDecimal fraction is too slow for every
     * row.
     */
    public static String isoUtc(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return ISO_UTC.format(instant);
        }
        char[] text = "0000-00-00T00:00:00.000000+00:00".toCharArray();
        digits(text, 0, t.getYear(), 4);
        digits(text, 5, t.getMonthValue(), 2);
        digits(text, 8, t.getDayOfMonth(), 2);
        digits(text, 11, t.getHour(), 2);
        digits(text, 14, t.getMinute(), 2);
        digits(text, 17, t.getSecond(), 2);
        digits(text, 20, t.getNano() / 1000, 6);
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
