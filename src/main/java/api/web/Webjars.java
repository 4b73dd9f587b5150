package api.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Paths of the page assets served from webjars; the versions come from the build (webjars.properties). */
public final class Webjars {
    private Webjars() {}

    private static final Properties VERSIONS = load();

    public static final String BOOTSTRAP_CSS = "/webjars/bootstrap/" + version("bootstrap") + "/css/bootstrap.min.css";
    public static final String BOOTSTRAP_JS =
            "/webjars/bootstrap/" + version("bootstrap") + "/js/bootstrap.bundle.min.js";
    public static final String ICONS_CSS =
            "/webjars/bootstrap-icons/" + version("bootstrap-icons") + "/font/bootstrap-icons.min.css";
    public static final String SWAGGER_UI_JS = "/webjars/swagger-ui/" + version("swagger-ui") + "/swagger-ui-bundle.js";
    public static final String SWAGGER_UI_CSS = "/webjars/swagger-ui/" + version("swagger-ui") + "/swagger-ui.css";
    public static final String SWAGGER_UI_ICON = "/webjars/swagger-ui/" + version("swagger-ui") + "/favicon-32x32.png";
    public static final String REDOC_JS = "/webjars/redoc/" + version("redoc") + "/redoc.standalone.js";

    private static String version(String name) {
        String version = VERSIONS.getProperty(name);
        if (version == null) {
            throw new IllegalStateException("webjars.properties has no version for " + name);
        }
        return version;
    }

    private static Properties load() {
        try (InputStream in = Webjars.class.getResourceAsStream("/webjars.properties")) {
            Properties properties = new Properties();
            if (in == null) {
                throw new IllegalStateException("webjars.properties is missing from the classpath");
            }
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
