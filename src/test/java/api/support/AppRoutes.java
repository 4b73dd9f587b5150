package api.support;

import api.App;
import io.javalin.Javalin;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/** The route table of the real app, as Javalin reports each route it adds: {@code "GET /posts/{id}"}. */
public final class AppRoutes {
    /** Endpoint methods only: before/after handlers, HEAD and OPTIONS are Javalin's, not operations of the API. */
    private static final Set<String> ENDPOINT_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private AppRoutes() {}

    public static Set<String> of(TestDb db) {
        Set<String> routes = new ConcurrentSkipListSet<>();
        Javalin app = App.createApp(
                TestConfig.forDb(db),
                db.database(),
                java.time.Clock.systemUTC(),
                cfg -> cfg.events.handlerAdded(route -> {
                    String method = String.valueOf(route.getHttpMethod());
                    if (ENDPOINT_METHODS.contains(method)) {
                        // Javalin's <param> may span slashes; the document writes every parameter as {param}
                        routes.add(method + " " + route.getPath().replaceAll("<([^>]+)>", "{$1}"));
                    }
                }));
        app.start("127.0.0.1", 0); // started and stopped, so the threads createApp starts are stopped too
        app.stop();
        return Set.copyOf(routes);
    }
}
