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
 * Binds an {@link Instant} as the text {@code 2021-08-29 23:42:58.021392} in UTC, the session's zone. MariaDB
 * before 11 introduces itself to MySQL clients as version "5.5.5-10.x"; Connector/J takes that for a server
 * without fractional seconds and cuts every bound timestamp to the whole second. As text, the server parses the
 * microseconds itself, on MySQL and on every MariaDB.
 */
final class InstantsAsText extends AbstractArgumentFactory<Instant> {
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

    InstantsAsText() {
        super(Types.TIMESTAMP);
    }

    @Override
    protected Argument build(Instant value, ConfigRegistry config) {
        String text = TEXT.format(LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        return (position, statement, context) -> statement.setString(position, text);
    }
}
