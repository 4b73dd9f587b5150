package api.pages;

import api.users.PasswordLogin;
import api.web.ApiError;
import io.javalin.http.Context;
import java.util.concurrent.CompletionException;

/** What refused a form's work, for the page to say in its own words. */
final class Refusals {
    private Refusals() {}

    /** What refused the request; anything but an {@link ApiError} goes on to the error mapping as it is. */
    static ApiError of(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ApiError apiError) {
            return apiError;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new CompletionException(cause);
    }

    /** Sets Retry-After; the seconds it gives go into the form's message. */
    static long retryAfter(Context ctx, ApiError refusal) {
        long seconds = refusal.retryAfterSeconds().orElse(60);
        ctx.header("Retry-After", String.valueOf(seconds));
        return seconds;
    }

    /** A browser that has signed in to the account before is held back only by its own failures. */
    static String tooManyFailures(ApiError refusal, long seconds) {
        String wait = "Too many failed sign-ins: try again in " + seconds + " seconds";
        return PasswordLogin.DEVICE_THROTTLED.equals(refusal.getMessage())
                ? wait + "."
                : wait + ", or from a browser that has signed in to this account before.";
    }

    static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
