package api.logs;

import api.web.ApiError;
import api.web.Json;
import api.web.RequestValidationError;
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
        int limit = ctx.queryParamAsClass("limit", Integer.class).getOrDefault(100);
        int offset = ctx.queryParamAsClass("offset", Integer.class).getOrDefault(0);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RequestValidationError.of(
                    "query", "limit", "Input should be between 1 and " + MAX_LIMIT, "value_error");
        }
        if (offset < 0) {
            throw RequestValidationError.of(
                    "query", "offset", "Input should be greater than or equal to 0", "value_error");
        }
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
