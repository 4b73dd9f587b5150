package api.web;

import io.javalin.config.JavalinConfig;
import io.javalin.openapi.OAuth2;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.openapi.plugin.redoc.ReDocPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;
import java.util.List;

/**
 * {@code /openapi.json} (built at compile time from the handlers' {@code @OpenApi} annotations),
 * Swagger UI at {@code /docs} and ReDoc at {@code /redoc}, both served from webjars in the jar.
 */
public final class ApiDocs {
    public static final String SPEC_PATH = "/openapi.json";
    public static final String SWAGGER_PATH = "/docs";
    public static final String REDOC_PATH = "/redoc";
    /** The security scheme the annotations name: the OAuth2 password flow, so Swagger UI's "Authorize" logs in. */
    public static final String SECURITY = "OAuth2PasswordBearer";

    private ApiDocs() {}

    /** The shape of every error but validation, for the spec. */
    public record Detail(String detail) {}

    /** A success that is only a sentence, such as a vote's. */
    public record Message(String message) {}

    /** The shape of a 422, for the spec. */
    public record ValidationErrors(List<RequestValidationError.FieldError> detail) {}

    public static void register(JavalinConfig cfg) {
        cfg.registerPlugin(new OpenApiPlugin(openApi -> openApi
                .withDocumentationPath(SPEC_PATH)
                .withDefinitionConfiguration((version, definition) -> definition
                        .withInfo(info -> info
                                .title("api: social")
                                .version("1.0")
                                .description("Users, JWT login, posts with vote counts and votes."))
                        .withSecurity(security -> security
                                .withSecurityScheme(SECURITY, new OAuth2("Log in with email and password")
                                        .withPasswordFlow("/login"))))));
        cfg.registerPlugin(new SwaggerPlugin(swagger -> {
            swagger.setUiPath(SWAGGER_PATH);
            swagger.setDocumentationPath(SPEC_PATH);
            swagger.setTitle("api: Swagger UI");
            swagger.setValidatorUrl("none"); // the default posts the spec to validator.swagger.io
        }));
        cfg.registerPlugin(new ReDocPlugin(redoc -> {
            redoc.setUiPath(REDOC_PATH);
            redoc.setDocumentationPath(SPEC_PATH);
            redoc.setTitle("api: ReDoc");
        }));
        // The plugin's page loads Google Fonts; the docs must work offline, so ReDoc uses the system fonts.
        cfg.router.mount(router -> router.after(REDOC_PATH, ctx -> {
            String page = ctx.result();
            if (page != null) {
                ctx.html(page.replaceAll("<link[^>]*fonts\\.googleapis\\.com[^>]*>", ""));
            }
        }));
    }
}
