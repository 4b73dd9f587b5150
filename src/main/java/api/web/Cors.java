package api.web;

import io.javalin.config.JavalinConfig;
import java.util.List;

/** Cross-origin access from {@code CORS_ORIGINS}. */
public final class Cors {
    private Cors() {}

    /**
     * {@code *} lets any site call the API but without credentials (browsers refuse both together);
     * named origins may also send credentials.
     */
    public static void register(JavalinConfig cfg, List<String> origins) {
        if (origins.isEmpty()) {
            return;
        }
        cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
            if (origins.contains("*")) {
                rule.anyHost();
            } else {
                rule.allowHost(
                        origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
                rule.allowCredentials = true;
            }
            rule.exposeHeader("WWW-Authenticate");
            rule.exposeHeader("Retry-After");
        }));
    }
}
