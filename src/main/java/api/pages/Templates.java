package api.pages;

import gg.jte.generated.precompiled.tasks.JteaccountGenerated;
import gg.jte.generated.precompiled.tasks.JteforgotGenerated;
import gg.jte.generated.precompiled.tasks.JteformGenerated;
import gg.jte.generated.precompiled.tasks.JtelistGenerated;
import gg.jte.generated.precompiled.tasks.JteloginGenerated;
import gg.jte.generated.precompiled.tasks.JtenotfoundGenerated;
import gg.jte.generated.precompiled.tasks.JteresetGenerated;
import gg.jte.generated.precompiled.tasks.JtesignupGenerated;
import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.function.Consumer;

/**
 * The page templates, compiled into classes by the build (jte-maven-plugin), one method a page taking that page's
 * record: a template that is missing, renamed or given the wrong record fails the compilation, not a request. It
 * calls the generated classes as JTE's engine would, with its HTML escaping, but without looking them up by name.
 */
final class Templates {
    private Templates() {}

    static void taskList(Context ctx, TaskListPage page) {
        render(ctx, HttpStatus.OK, html -> JtelistGenerated.render(html, null, page));
    }

    static void taskForm(Context ctx, HttpStatus status, TaskFormPage page) {
        render(ctx, status, html -> JteformGenerated.render(html, null, page));
    }

    static void taskNotFound(Context ctx, TaskNotFoundPage page) {
        render(ctx, HttpStatus.NOT_FOUND, html -> JtenotfoundGenerated.render(html, null, page));
    }

    static void signIn(Context ctx, HttpStatus status, SignInPage page) {
        render(ctx, status, html -> JteloginGenerated.render(html, null, page));
    }

    static void signUp(Context ctx, HttpStatus status, SignUpPage page) {
        render(ctx, status, html -> JtesignupGenerated.render(html, null, page));
    }

    static void forgot(Context ctx, HttpStatus status, ForgotPage page) {
        render(ctx, status, html -> JteforgotGenerated.render(html, null, page));
    }

    static void reset(Context ctx, HttpStatus status, ResetPage page) {
        render(ctx, status, html -> JteresetGenerated.render(html, null, page));
    }

    static void account(Context ctx, HttpStatus status, AccountPage page) {
        render(ctx, status, html -> JteaccountGenerated.render(html, null, page));
    }

    private static void render(Context ctx, HttpStatus status, Consumer<HtmlTemplateOutput> template) {
        // each piece is encoded as it is written: a page built as one String turns UTF-16 at its first Japanese
        // character, and the whole page was then copied once more and encoded character by character
        var html = new PageOutput();
        template.accept(new OwaspHtmlTemplateOutput(html));
        // a signed-in user's tasks are theirs: no shared cache keeps them, and Back after signing out does not show
        // them
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("text/html; charset=utf-8").result(html.page());
    }
}
