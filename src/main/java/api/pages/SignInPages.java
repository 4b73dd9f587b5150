package api.pages;

import api.auth.Csrf;
import api.auth.Sessions;
import api.users.Devices;
import api.users.Login;
import api.users.NewUser;
import api.users.PasswordLogin;
import api.users.SignUp;
import api.web.ApiError;
import api.web.ClientIp;
import api.web.RequestValidationError;
import api.web.Templates;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.LongFunction;

/**
 * The sign-in, sign-up and sign-out forms; sign-in goes through {@link PasswordLogin} so it shares the bcrypt pool and
 * failed-login limit of {@code POST /login}.
 */
public final class SignInPages {
    static final String WRONG_CREDENTIALS = "The email or the password is wrong.";
    static final String MISSING_CREDENTIALS = "Enter your email and your password.";
    static final String TAKEN = "An account with this email already exists: sign in instead.";

    private final PasswordLogin logins;
    private final SignUp signUp;
    private final Sessions sessions;
    private final ClientIp clientIp;
    private final Templates templates;

    public SignInPages(PasswordLogin logins, SignUp signUp, Sessions sessions, ClientIp clientIp, Templates templates) {
        this.logins = logins;
        this.signUp = signUp;
        this.sessions = sessions;
        this.clientIp = clientIp;
        this.templates = templates;
    }

    public void loginForm(Context ctx) {
        form(ctx, HttpStatus.OK, "tasks/login.jte", "", null, Map.of());
    }

    public void signUpForm(Context ctx) {
        form(ctx, HttpStatus.OK, "tasks/signup.jte", "", null, Map.of());
    }

    public void login(Context ctx) {
        String email = field(ctx, "email").strip();
        String password = field(ctx, "password");
        if (email.isEmpty() || password.isEmpty()) {
            form(ctx, HttpStatus.BAD_REQUEST, "tasks/login.jte", email, MISSING_CREDENTIALS, Map.of());
            return;
        }
        // no account has such an email or password: refused before any bcrypt work, like POST /login
        if (email.length() > Login.MAX_USERNAME_CHARS
                || password.getBytes(StandardCharsets.UTF_8).length > Login.MAX_PASSWORD_BYTES) {
            form(ctx, HttpStatus.BAD_REQUEST, "tasks/login.jte", email, WRONG_CREDENTIALS, Map.of());
            return;
        }
        ctx.future(() -> logins.logIn(clientIp.of(ctx), Login.account(email), password, ctx.cookie(Devices.COOKIE))
                .handle((in, error) -> {
                    if (error == null) {
                        ctx.res().addHeader("Set-Cookie", Devices.cookie(in.device(), clientIp.overHttps(ctx)));
                        signIn(ctx, in.userId());
                        return null;
                    }
                    ApiError refusal = refusal(error);
                    if (refusal.status() == HttpStatus.FORBIDDEN.getCode()) {
                        form(ctx, HttpStatus.BAD_REQUEST, "tasks/login.jte", email, WRONG_CREDENTIALS, Map.of());
                    } else if (refusal.status() == HttpStatus.TOO_MANY_REQUESTS.getCode()) {
                        tooMany(ctx, "tasks/login.jte", email, refusal, seconds -> tooManyFailures(refusal, seconds));
                    } else {
                        throw refusal;
                    }
                    return null;
                }));
    }

    /** The form again, with Retry-After and a message saying how long to wait. */
    private void tooMany(Context ctx, String template, String email, ApiError refusal, LongFunction<String> message) {
        long seconds = refusal.retryAfterSeconds().orElse(60);
        ctx.header("Retry-After", String.valueOf(seconds));
        form(ctx, HttpStatus.TOO_MANY_REQUESTS, template, email, message.apply(seconds), Map.of());
    }

    /** A browser that has signed in to the account before is held back only by its own failures. */
    private static String tooManyFailures(ApiError refusal, long seconds) {
        String wait = "Too many failed sign-ins: try again in " + seconds + " seconds";
        return PasswordLogin.DEVICE_THROTTLED.equals(refusal.getMessage())
                ? wait + "."
                : wait + ", or from a browser that has signed in to this account before.";
    }

    public void signUp(Context ctx) {
        String email = field(ctx, "email").strip();
        ObjectNode body =
                JsonNodeFactory.instance.objectNode().put("email", email).put("password", field(ctx, "password"));
        NewUser input;
        try {
            input = NewUser.from(body);
        } catch (RequestValidationError e) {
            Map<String, String> problems = new LinkedHashMap<>();
            e.errors()
                    .forEach(error -> problems.putIfAbsent(
                            String.valueOf(error.loc().get(error.loc().size() - 1)), error.msg()));
            form(ctx, HttpStatus.BAD_REQUEST, "tasks/signup.jte", email, null, problems);
            return;
        }
        ctx.future(() -> signUp.create(clientIp.of(ctx), input).handle((user, error) -> {
            if (error == null) {
                signIn(ctx, user.id());
                return null;
            }
            ApiError refusal = refusal(error);
            if (refusal.status() == HttpStatus.CONFLICT.getCode()) {
                form(ctx, HttpStatus.CONFLICT, "tasks/signup.jte", email, TAKEN, Map.of());
            } else if (refusal.status() == HttpStatus.TOO_MANY_REQUESTS.getCode()) {
                tooMany(
                        ctx,
                        "tasks/signup.jte",
                        email,
                        refusal,
                        seconds -> "Too many sign-ups from this address: try again in " + seconds + " seconds.");
            } else {
                throw refusal;
            }
            return null;
        }));
    }

    public void logout(Context ctx) {
        sessions.end(ctx.cookie(Sessions.COOKIE));
        ctx.res().addHeader("Set-Cookie", Sessions.clearedCookie(clientIp.overHttps(ctx)));
        ctx.redirect(Paths.SIGN_IN, HttpStatus.SEE_OTHER);
    }

    /** A new session id for every sign-in, so no id set before it (session fixation) is ever signed in. */
    private void signIn(Context ctx, long userId) {
        boolean secure = clientIp.overHttps(ctx);
        ctx.res().addHeader("Set-Cookie", Sessions.cookie(sessions.start(userId), secure));
        ctx.res().addHeader("Set-Cookie", Csrf.clearedSignInCookie(secure));
        ctx.redirect(Paths.LIST, HttpStatus.SEE_OTHER);
    }

    /** The form, with the token its POST must repeat: the browser's sign-in cookie, set here when it has none. */
    private void form(
            Context ctx,
            HttpStatus status,
            String template,
            String email,
            String message,
            Map<String, String> problems) {
        String token = ctx.cookie(Csrf.SIGN_IN_COOKIE);
        if (!Sessions.isToken(token)) {
            token = Sessions.randomToken();
            ctx.res().addHeader("Set-Cookie", Csrf.signInCookie(token, clientIp.overHttps(ctx)));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("email", email);
        params.put("message", message);
        params.put("problems", problems);
        params.put("csrf", token);
        templates.render(ctx, status, template, params);
    }

    /** What refused the request; anything but an {@link ApiError} goes on to the error mapping as it is. */
    private static ApiError refusal(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ApiError apiError) {
            return apiError;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new CompletionException(cause);
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
