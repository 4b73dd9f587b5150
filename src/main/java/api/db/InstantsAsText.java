package api.db;

import api.web.Json;
import java.sql.Types;
import java.time.Instant;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds an {@link Instant} as the text {@code 2021-08-29T23:42:58.021392} in UTC, the session's zone. MariaDB
 * before 11 introduces itself to MySQL clients as version "5.5.5-10.x"; Connector/J takes that for a server
 * without fractional seconds and cuts every bound timestamp to the whole second. As text, the server parses the
 * microseconds itself, on MySQL and on every MariaDB. The text is {@link Json#timestamp}'s without its offset
 * (MariaDB refuses one): the request-log writer binds one per record, and DateTimeFormatter is the slow way.
 */
public final class InstantsAsText extends AbstractArgumentFactory<Instant> {
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
        return Json.timestamp(instant).substring(0, WITHOUT_OFFSET);
    }
}
