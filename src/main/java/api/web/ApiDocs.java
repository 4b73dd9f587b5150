package api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /openapi.json} from the hand-written {@code openapi.yaml}, Swagger UI at {@code /docs} and ReDoc at {@code
 * /redoc}.
 */
public final class ApiDocs {
    public static final String SPEC_PATH = "/openapi.json";
    public static final String SWAGGER_PATH = "/docs";
    public static final String REDOC_PATH = "/redoc";
    /** The OAuth2 password-flow scheme of the document, so Swagger UI's "Authorize" logs in through /login. */
    public static final String SECURITY = "OAuth2PasswordBearer";

    static final String DOCUMENT = "/openapi.yaml";

    /**
     * Same-origin only, since ReDoc otherwise loads a logo from its vendor's CDN; the inline allowances are the pages'
     * start-up script and the UIs' injected styles.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src 'self' blob:; connect-src 'self'";

    private static final String SWAGGER_PAGE =
            """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>api: Swagger UI</title>
              <link rel="icon" type="image/png" href="%s">
              <link rel="stylesheet" href="%s">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="%s"></script>
              <script>
                window.ui = SwaggerUIBundle({url: "%s", dom_id: "#swagger-ui", deepLinking: true, validatorUrl: "none"});
              </script>
            </body>
            </html>
            """.formatted(Webjars.SWAGGER_UI_ICON, Webjars.SWAGGER_UI_CSS, Webjars.SWAGGER_UI_JS, SPEC_PATH);

    private static final String REDOC_PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>api: ReDoc</title>
              <link rel="icon" type="image/png" href="%s">
              <style>body { margin: 0; padding: 0; }</style>
            </head>
            <body>
              <redoc spec-url="%s"></redoc>
              <script src="%s"></script>
            </body>
            </html>
            """.formatted(Webjars.SWAGGER_UI_ICON, SPEC_PATH, Webjars.REDOC_JS);

    private String json;

    /** {@link #SPEC_PATH} */
    public void spec(Context ctx) {
        ctx.contentType("application/json").result(json());
    }

    /** {@link #SWAGGER_PATH} */
    public void swaggerUi(Context ctx) {
        page(ctx, SWAGGER_PAGE);
    }

    /** {@link #REDOC_PATH} */
    public void redoc(Context ctx) {
        page(ctx, REDOC_PAGE);
    }

    private static void page(Context ctx, String html) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY).html(html);
    }

    /** Parsed on the first request, not at start-up, which stays free of YAML parsing. */
    private synchronized String json() {
        if (json == null) {
            try (InputStream in = ApiDocs.class.getResourceAsStream(DOCUMENT)) {
                if (in == null) {
                    throw new IllegalStateException(DOCUMENT + " is missing from the classpath");
                }
                json = new ObjectMapper().writeValueAsString(new YAMLMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return json;
    }
}
