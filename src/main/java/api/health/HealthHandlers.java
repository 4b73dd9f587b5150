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
        boolean up = db.isUp();
        ctx.status(up ? 200 : 503).json(Map.of("status", up ? "ok" : "degraded", "database", up ? "up" : "down"));
    }
}
