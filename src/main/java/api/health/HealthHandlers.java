package api.health;

import api.db.Database;
import io.javalin.http.Context;
import java.util.Map;

/** Liveness of the app and its database, for load balancers and uptime checks. */
public final class HealthHandlers {
    private final Database db;

    public HealthHandlers(Database db) {
        this.db = db;
    }

    public void root(Context ctx) {
        ctx.json(Map.of("message", "Hello World"));
    }

    /** 200 when the database answers within the pool's connection timeout, else 503; never hangs longer. */
    public void health(Context ctx) {
        if (db.isUp()) {
            ctx.json(Map.of("status", "ok", "database", "up"));
        } else {
            // "detail" too: every 503 of the app has the one error shape clients already read
            ctx.status(503).json(Map.of("status", "degraded", "database", "down", "detail", "Database unavailable"));
        }
    }
}
