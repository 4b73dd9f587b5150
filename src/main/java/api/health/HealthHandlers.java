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
            ctx.json(UP);
        } else {
            ctx.status(503).json(DOWN);
        }
    }

    /** A record, not a map: its keys come in the same order at every start. */
    private record Health(String status, String database) {}

    /** "detail" too: every 503 of the app has the one error shape clients already read. */
    private record Degraded(String status, String database, String detail) {}

    private static final Health UP = new Health("ok", "up");
    private static final Degraded DOWN = new Degraded("degraded", "down", "Database unavailable");
}
