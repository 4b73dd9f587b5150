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
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;

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

    public SignInPages(PasswordLogin logins, SignUp signUp, Sessions sessions, ClientIp clientIp) {
        this.logins = logins;
        this.signUp = signUp;
        this.sessions = sessions;
        this.clientIp = clientIp;
    }

    public void loginForm(Context ctx) {
        showSignIn(ctx, HttpStatus.OK, "", null);
    }

    public void signUpForm(Context ctx) {
        showSignUp(ctx, HttpStatus.OK, "", null, Map.of());
    }

    public void login(Context ctx) {
        String email = field(ctx, "email").strip();
        String password = field(ctx, "password");
        if (email.isEmpty() || password.isEmpty()) {
            showSignIn(ctx, HttpStatus.BAD_REQUEST, email, MISSING_CREDENTIALS);
            return;
        }
        // no account has such an email or password: refused before any bcrypt work, like POST /login
        if (email.length() > Login.MAX_USERNAME_CHARS
                || password.getBytes(StandardCharsets.UTF_8).length > Login.MAX_PASSWORD_BYTES) {
            showSignIn(ctx, HttpStatus.BAD_REQUEST, email, WRONG_CREDENTIALS);
            return;
        }
        // before the password is read: a change that lands during the check ends the session this sign-in gets
        var asked = sessions.now();
        ctx.future(() -> logins.logIn(clientIp.of(ctx), Login.account(email), password, ctx.cookie(Devices.COOKIE))
                .handle((in, error) -> {
                    if (error == null) {
                        ctx.res().addHeader("Set-Cookie", Devices.cookie(in.device(), clientIp.overHttps(ctx)));
                        signIn(ctx, sessions.start(in.userId(), asked));
                        return null;
                    }
                    ApiError refusal = refusal(error);
                    if (refusal.status() == HttpStatus.FORBIDDEN.getCode()) {
                        showSignIn(ctx, HttpStatus.BAD_REQUEST, email, WRONG_CREDENTIALS);
                    } else if (refusal.status() == HttpStatus.TOO_MANY_REQUESTS.getCode()) {
                        showSignIn(
                                ctx,
                                HttpStatus.TOO_MANY_REQUESTS,
                                email,
                                tooManyFailures(refusal, retryAfter(ctx, refusal)));
                    } else {
                        throw refusal;
                    }
                    return null;
                }));
    }

    /** Sets Retry-After; the seconds it gives go into the form's message. */
    private static long retryAfter(Context ctx, ApiError refusal) {
        long seconds = refusal.retryAfterSeconds().orElse(60);
        ctx.header("Retry-After", String.valueOf(seconds));
        return seconds;
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
            showSignUp(ctx, HttpStatus.BAD_REQUEST, email, null, problems);
            return;
        }
        ctx.future(() -> signUp.create(clientIp.of(ctx), input).handle((user, error) -> {
            if (error == null) {
                signIn(ctx, sessions.start(user.id()));
                return null;
            }
            ApiError refusal = refusal(error);
            if (refusal.status() == HttpStatus.CONFLICT.getCode()) {
                showSignUp(ctx, HttpStatus.CONFLICT, email, TAKEN, Map.of());
            } else if (refusal.status() == HttpStatus.TOO_MANY_REQUESTS.getCode()) {
                long seconds = retryAfter(ctx, refusal);
                showSignUp(
                        ctx,
                        HttpStatus.TOO_MANY_REQUESTS,
                        email,
                        "Too many sign-ups from this address: try again in " + seconds + " seconds.",
                        Map.of());
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
    private void signIn(Context ctx, String session) {
        boolean secure = clientIp.overHttps(ctx);
        ctx.res().addHeader("Set-Cookie", Sessions.cookie(session, secure));
        ctx.res().addHeader("Set-Cookie", Csrf.clearedSignInCookie(secure));
        ctx.redirect(Paths.LIST, HttpStatus.SEE_OTHER);
    }

    private void showSignIn(Context ctx, HttpStatus status, String email, String message) {
        Templates.signIn(ctx, status, new SignInPage(email, message, formToken(ctx)));
    }

    private void showSignUp(
            Context ctx, HttpStatus status, String email, String message, Map<String, String> problems) {
        Templates.signUp(ctx, status, new SignUpPage(email, message, problems, formToken(ctx)));
    }

    /** The token a form's POST must repeat: the browser's sign-in cookie, set here when it has none. */
    private String formToken(Context ctx) {
        String token = ctx.cookie(Csrf.SIGN_IN_COOKIE);
        if (!Sessions.isToken(token)) {
            token = Sessions.randomToken();
            ctx.res().addHeader("Set-Cookie", Csrf.signInCookie(token, clientIp.overHttps(ctx)));
        }
        return token;
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
