package api.logs;

import api.web.ApiError;
import api.web.FieldErrors;
import api.web.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;

/** Operator reads of the stored request logs. */
public final class LogHandlers {
    static final int MAX_LIMIT = 1000;

    private final RequestLogDao logs;

    public LogHandlers(RequestLogDao logs) {
        this.logs = logs;
    }

    /** Newest first. */
    public void all(Context ctx) {
        int limit = FieldErrors.queryInt(ctx, "limit", 100);
        int offset = FieldErrors.queryInt(ctx, "offset", 0);
        FieldErrors.checkQuery(limit >= 1 && limit <= MAX_LIMIT, "limit", "Input should be between 1 and " + MAX_LIMIT);
        FieldErrors.checkQuery(offset >= 0, "offset", "Input should be greater than or equal to 0");
        ctx.json(logs.newest(limit, offset).stream().map(LogHandlers::entry).toList());
    }

    public void first(Context ctx) {
        ctx.json(entry(logs.oldest().orElseThrow(() -> ApiError.notFound("No request logs yet"))));
    }

    /** The stored text goes out as a JSON object, not as a string holding JSON. */
    record Entry(String logId, JsonNode log, Instant datetime) {}

    private static Entry entry(StoredLog row) {
        try {
            return new Entry(row.logId(), Json.MAPPER.readTree(row.log()), row.datetime());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("log " + row.logId() + " does not hold JSON", e);
        }
    }
}
