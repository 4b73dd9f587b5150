package api.posts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps the posts queries by hand: Jdbi's constructor mapper re-specialises itself for every result set (column
 * lookup, nullability checks by reflection), which showed on GET /posts. Timestamps are read as LocalDateTime in
 * UTC, the session zone on MySQL and the JVM's on H2 (Main sets it), because Connector/J's getTimestamp builds two
 * Calendars a value.
 */
final class PostRowMapper implements RowMapper<PostRow> {
    @Override
    public PostRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PostRow(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("content"),
                rs.getBoolean("published"),
                instant(rs.getObject("created_at", LocalDateTime.class)),
                rs.getLong("owner_id"),
                rs.getString("owner_email"),
                instant(rs.getObject("owner_created_at", LocalDateTime.class)),
                rs.getLong("votes"));
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
