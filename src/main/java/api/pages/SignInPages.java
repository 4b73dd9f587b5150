package api.pages;

import api.auth.AccountDisabled;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sign-in, sign-up and sign-out forms; sign-in goes through {@link PasswordLogin} so it shares the bcrypt pool and
 * failed-login limit of {@code POST /login}.
 */
public final class SignInPages {
    static final String WRONG_CREDENTIALS = "The email or the password is wrong.";
    static final String MISSING_CREDENTIALS = "Enter your email and your password.";
    static final String DISABLED = AccountDisabled.DETAIL + ".";
    /** What the sign-in page can say above its form, by the name a redirect gives ({@link Paths#signInWith}). */
    static final Map<String, String> NOTICES = Map.of(
            "reset", "Your new password is set: sign in with it.",
            "deleted", "Your account and everything in it are deleted.");

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
        String notice = NOTICES.get(String.valueOf(ctx.queryParam("notice")));
        Templates.signIn(ctx, HttpStatus.OK, new SignInPage("", null, notice, formToken(ctx, clientIp)));
    }

    public void signUpForm(Context ctx) {
        showSignUp(ctx, HttpStatus.OK, "", null, Map.of());
    }

    public void login(Context ctx) {
        String email = Refusals.field(ctx, "email").strip();
        String password = Refusals.field(ctx, "password");
        if (email.isEmpty() || password.isEmpty()) {
            showSignIn(ctx, HttpStatus.BAD_REQUEST, email, MISSING_CREDENTIALS);
            return;
        }
        // no account has such an email or password: refused before any bcrypt work, like POST /login
        if (Login.emailTooLong(email) || Login.passwordTooLong(password)) {
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
                    ApiError refusal = Refusals.of(error);
                    if (AccountDisabled.DETAIL.equals(refusal.getMessage())) {
                        showSignIn(ctx, HttpStatus.FORBIDDEN, email, DISABLED);
                    } else if (refusal.status() == HttpStatus.FORBIDDEN.getCode()) {
                        showSignIn(ctx, HttpStatus.BAD_REQUEST, email, WRONG_CREDENTIALS);
                    } else if (refusal.status() == HttpStatus.TOO_MANY_REQUESTS.getCode()) {
                        showSignIn(
                                ctx,
                                HttpStatus.TOO_MANY_REQUESTS,
                                email,
                                Refusals.tooManyFailures(refusal, Refusals.retryAfter(ctx, refusal)));
                    } else {
                        throw refusal;
                    }
                    return null;
                }));
    }

    public void signUp(Context ctx) {
        String email = Refusals.field(ctx, "email").strip();
        ObjectNode body = JsonNodeFactory.instance
                .objectNode()
                .put("email", email)
                .put("password", Refusals.field(ctx, "password"));
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
            ApiError refusal = Refusals.of(error);
            if (refusal.status() == HttpStatus.CONFLICT.getCode()) {
                showSignUp(ctx, HttpStatus.CONFLICT, email, TAKEN, Map.of());
            } else if (refusal.status() == HttpStatus.TOO_MANY_REQUESTS.getCode()) {
                long seconds = Refusals.retryAfter(ctx, refusal);
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
        Templates.signIn(ctx, status, new SignInPage(email, message, null, formToken(ctx, clientIp)));
    }

    private void showSignUp(
            Context ctx, HttpStatus status, String email, String message, Map<String, String> problems) {
        Templates.signUp(ctx, status, new SignUpPage(email, message, problems, formToken(ctx, clientIp)));
    }

    /** The token a form's POST must repeat: the browser's sign-in cookie, set here when it has none. */
    static String formToken(Context ctx, ClientIp clientIp) {
        String token = ctx.cookie(Csrf.SIGN_IN_COOKIE);
        if (!Sessions.isToken(token)) {
            token = Sessions.randomToken();
            ctx.res().addHeader("Set-Cookie", Csrf.signInCookie(token, clientIp.overHttps(ctx)));
        }
        return token;
    }
}
