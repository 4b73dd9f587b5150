package api.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** The server-rendered pages: JTE templates compiled at build time. */
public final class Templates {
    private final TemplateEngine engine;

    public Templates(TemplateEngine engine) {
        this.engine = engine;
    }

    /** The templates the build compiled into the jar. */
    public static Templates precompiled() {
        return new Templates(TemplateEngine.createPrecompiled(ContentType.Html));
    }

    public void render(Context ctx, HttpStatus status, String template, Map<String, Object> params) {
        StringOutput html = new StringOutput();
        engine.render(template, params, html);
        // a signed-in user's tasks are theirs: no shared cache keeps them, and Back after signing out does not show
        // them
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/html; charset=utf-8").result(html.toString());
    }
}
