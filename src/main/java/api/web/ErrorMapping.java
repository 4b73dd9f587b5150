package api.web;

import api.auth.AccountDisabled;
import api.auth.NotAuthenticated;
import api.db.DbErrors;
import com.fasterxml.jackson.core.JacksonException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns every failure into {@code {"detail": ...}} with the right status. SQL and stack traces stay in the log. */
public final class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    public static void register(RoutesConfig app, long maxBodyBytes) {
        app.exception(ApiError.class, (e, ctx) -> {
            e.retryAfterSeconds().ifPresent(seconds -> ctx.header("Retry-After", String.valueOf(seconds)));
            detail(ctx, e.status(), e.getMessage());
        });
        app.exception(NotAuthenticated.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer");
            detail(ctx, 401, e.getMessage());
        });
        app.exception(AccountDisabled.class, (e, ctx) -> detail(ctx, 403, e.getMessage()));
        app.exception(RequestValidationError.class, (e, ctx) -> ctx.status(422).json(Map.of("detail", e.errors())));
        app.exception(
                ValidationException.class, (e, ctx) -> ctx.status(422).json(Map.of("detail", fieldErrors(e, ctx))));
        app.exception(
                JacksonException.class,
                (e, ctx) -> ctx.status(422)
                        .json(Map.of(
                                "detail",
                                RequestValidationError.jsonDecodeError().errors())));
        app.exception(HttpResponseException.class, (e, ctx) -> detail(ctx, e.getStatus(), httpDetail(e)));
        // the Content-Type names a charset the JVM does not know (charset=bogus): the body cannot be decoded at all
        app.exception(
                UnsupportedCharsetException.class,
                (e, ctx) -> detail(ctx, 415, "Unsupported charset: " + e.getCharsetName()));
        app.exception(
                IllegalCharsetNameException.class,
                (e, ctx) -> detail(ctx, 415, "Unsupported charset: " + e.getCharsetName()));
        app.exception(Exception.class, (e, ctx) -> unexpected(e, ctx, maxBodyBytes));
        // statuses set without an exception (Javalin's own 404 for unmatched paths, for instance)
        app.error(404, ctx -> jsonIfEmpty(ctx, "Not Found"));
        app.error(405, ctx -> jsonIfEmpty(ctx, "Method Not Allowed"));
        // Javalin answers a body that stopped arriving itself, before any exception handler
        app.error(408, ctx -> jsonIfEmpty(ctx, "Request Timeout"));
    }

    private static void unexpected(Exception e, Context ctx, long maxBodyBytes) {
        if (ctx.isMultipartFormData() && jettyRefusal(e) != null) {
            multipartRefused(ctx, maxBodyBytes);
            return;
        }
        if (DbErrors.isUnavailable(e)) {
            log.warn("{} {}: database unavailable: {}", ctx.method(), ctx.path(), e.getMessage());
            detail(ctx, 503, "Database unavailable");
            return;
        }
        if (DbErrors.isForeignKeyViolation(e)) {
            // a row the request refers to was deleted between the handler's check and its write
            detail(ctx, 409, "A row this request refers to no longer exists");
            return;
        }
        log.error("{} {} failed", ctx.method(), ctx.path(), e);
        detail(ctx, 500, "Internal Server Error");
    }

    /**
     * Jetty wraps both an unparsable multipart body and an oversized one in the same 400; the declared length tells
     * them apart.
     */
    private static void multipartRefused(Context ctx, long maxBodyBytes) {
        if (ctx.req().getContentLengthLong() > maxBodyBytes) {
            detail(ctx, 413, HttpStatus.CONTENT_TOO_LARGE.getMessage());
        } else {
            detail(ctx, 400, "There was an error parsing the body");
        }
    }

    private static HttpException jettyRefusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http) {
                return http;
            }
        }
        return null;
    }

    private static void detail(Context ctx, int status, String detail) {
        ctx.status(status).json(Map.of("detail", detail));
    }

    private static void jsonIfEmpty(Context ctx, String detail) {
        if (ctx.result() == null || ctx.result().isEmpty()) {
            ctx.json(Map.of("detail", detail));
        }
    }

    /** Javalin's own messages name internals ("Endpoint GET /x not found"); clients get the plain reason. */
    private static String httpDetail(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404, 405, 413 -> HttpStatus.forStatus(e.getStatus()).getMessage();
            default ->
                e.getMessage() == null || e.getMessage().isBlank()
                        ? HttpStatus.forStatus(e.getStatus()).getMessage()
                        : e.getMessage();
        };
    }

    private static List<RequestValidationError.FieldError> fieldErrors(ValidationException e, Context ctx) {
        List<RequestValidationError.FieldError> errors = new ArrayList<>();
        e.getErrors().forEach((field, problems) -> {
            String where = ctx.pathParamMap().containsKey(field) ? "path" : "query";
            problems.forEach(problem -> {
                boolean unparsable = "TYPE_CONVERSION_FAILED".equals(problem.getMessage());
                errors.add(new RequestValidationError.FieldError(
                        List.of(where, field),
                        unparsable ? "Input could not be parsed: '" + problem.value + "'" : problem.getMessage(),
                        unparsable ? "type_error" : "value_error"));
            });
        });
        return errors;
    }
}
