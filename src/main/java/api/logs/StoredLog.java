package api.logs;

import java.time.Instant;

/** A row of {@code log_table}: the request log as JSON text, and when the request was made. */
public record StoredLog(String logId, String log, Instant datetime) {}
