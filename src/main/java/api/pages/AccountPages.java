package api.pages;

import api.auth.Sessions;
import api.users.Accounts;
import api.users.Devices;
import api.users.Login;
import api.users.PasswordRecovery;
import api.web.ApiError;
import api.web.Caller;
import api.web.ClientIp;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * The pages of a user's own account: a forgotten password (the request, then the mailed link's form) and, signed in,
 * a password change and the account's deletion. They go through the same {@link Accounts} and
 * {@link PasswordRecovery} as the API routes, so the same limits hold.
 */
public final class AccountPages {
    static final String MISSING_EMAIL = "Enter your email.";
    static final String MISSING_PASSWORD = "Enter your password.";
    static final String WRONG_PASSWORD = "The password is wrong.";
    static final String CHANGED = "Your password is changed; every other sign-in of this account has ended.";

    private final Accounts accounts;
    private final PasswordRecovery recovery;
    private final Sessions sessions;
    private final ClientIp clientIp;

    public AccountPages(Accounts accounts, PasswordRecovery recovery, Sessions sessions, ClientIp clientIp) {
        this.accounts = accounts;
        this.recovery = recovery;
        this.sessions = sessions;
        this.clientIp = clientIp;
    }

    public void forgotForm(Context ctx) {
        showForgot(ctx, HttpStatus.OK, "", null, false);
    }

    /** Taken or not, every email gets the same answer page; only a refusal of the request itself says otherwise. */
    public void forgot(Context ctx) {
        String email = Refusals.field(ctx, "email").strip();
        if (email.isEmpty() || Login.emailTooLong(email)) {
            showForgot(ctx, HttpStatus.BAD_REQUEST, email, MISSING_EMAIL, false);
            return;
        }
        try {
            recovery.request(clientIp.of(ctx), email);
        } catch (ApiError refusal) {
            if (refusal.status() == HttpStatus.TOO_MANY_REQUESTS.getCode()) {
                long seconds = Refusals.retryAfter(ctx, refusal);
                showForgot(
                        ctx,
                        HttpStatus.TOO_MANY_REQUESTS,
                        email,
                        "Too many requests: try again in " + seconds + " seconds.",
                        false);
            } else if (refusal.status() == HttpStatus.SERVICE_UNAVAILABLE.getCode()) {
                showForgot(ctx, HttpStatus.SERVICE_UNAVAILABLE, email, refusal.getMessage() + ".", false);
            } else {
                throw refusal;
            }
            return;
        }
        showForgot(ctx, HttpStatus.OK, email, null, true);
    }

    public void resetForm(Context ctx) {
        String token = String.valueOf(ctx.queryParam("token"));
        boolean live = accounts.linkIsLive(token);
        showReset(ctx, live ? HttpStatus.OK : HttpStatus.BAD_REQUEST, token, live, null);
    }

    public void reset(Context ctx) {
        String token = Refusals.field(ctx, "token");
        String password = Refusals.field(ctx, "password");
        Optional<String> problem = Accounts.newPasswordProblem(password);
        if (problem.isPresent()) {
            boolean live = accounts.linkIsLive(token);
            showReset(ctx, HttpStatus.BAD_REQUEST, token, live, problem.get());
            return;
        }
        ctx.future(() -> accounts.reset(token, password).handle((done, error) -> {
            if (error == null) {
                ctx.redirect(Paths.signInWith("reset"), HttpStatus.SEE_OTHER);
                return null;
            }
            ApiError refusal = Refusals.of(error);
            if (!Accounts.BAD_LINK.equals(refusal.getMessage())) {
                throw refusal;
            }
            showReset(ctx, HttpStatus.BAD_REQUEST, token, false, null);
            return null;
        }));
    }

    public void account(Context ctx) {
        String notice = "changed".equals(ctx.queryParam("notice")) ? CHANGED : null;
        Templates.account(ctx, HttpStatus.OK, AccountPage.of(Caller.session(ctx), notice));
    }

    /** This browser stays signed in with a new session; every other session and token of the account ends. */
    public void changePassword(Context ctx) {
        var session = Caller.session(ctx);
        String current = Refusals.field(ctx, "current_password");
        String next = Refusals.field(ctx, "new_password");
        if (current.isEmpty() || Login.passwordTooLong(current)) {
            Templates.account(
                    ctx, HttpStatus.BAD_REQUEST, new AccountPage(session, null, MISSING_PASSWORD, null, null));
            return;
        }
        Optional<String> problem = Accounts.newPasswordProblem(next);
        if (problem.isPresent()) {
            Templates.account(ctx, HttpStatus.BAD_REQUEST, new AccountPage(session, null, null, problem.get(), null));
            return;
        }
        ctx.future(() -> accounts.changePassword(
                        session.userId(), clientIp.of(ctx), current, next, ctx.cookie(Devices.COOKIE))
                .handle((done, error) -> {
                    if (error == null) {
                        String renewed = sessions.start(session.userId());
                        ctx.res().addHeader("Set-Cookie", Sessions.cookie(renewed, clientIp.overHttps(ctx)));
                        ctx.redirect(Paths.ACCOUNT + "?notice=changed", HttpStatus.SEE_OTHER);
                        return null;
                    }
                    ApiError refusal = Refusals.of(error);
                    String message = passwordRefusal(ctx, refusal);
                    Templates.account(ctx, statusOf(refusal), new AccountPage(session, null, message, null, null));
                    return null;
                }));
    }

    /** Then signed out, on the sign-in page with a notice. */
    public void delete(Context ctx) {
        var session = Caller.session(ctx);
        String password = Refusals.field(ctx, "password");
        if (password.isEmpty() || Login.passwordTooLong(password)) {
            Templates.account(
                    ctx, HttpStatus.BAD_REQUEST, new AccountPage(session, null, null, null, MISSING_PASSWORD));
            return;
        }
        ctx.future(() -> accounts.delete(session.userId(), clientIp.of(ctx), password, ctx.cookie(Devices.COOKIE))
                .handle((done, error) -> {
                    if (error == null) {
                        ctx.res().addHeader("Set-Cookie", Sessions.clearedCookie(clientIp.overHttps(ctx)));
                        ctx.redirect(Paths.signInWith("deleted"), HttpStatus.SEE_OTHER);
                        return null;
                    }
                    ApiError refusal = Refusals.of(error);
                    String message = passwordRefusal(ctx, refusal);
                    Templates.account(ctx, statusOf(refusal), new AccountPage(session, null, null, null, message));
                    return null;
                }));
    }

    /** A wrong password or a full counter, in the page's words; anything else goes on to the error mapping. */
    private static String passwordRefusal(Context ctx, ApiError refusal) {
        if (refusal.status() == HttpStatus.FORBIDDEN.getCode()) {
            return WRONG_PASSWORD;
        }
        if (refusal.status() == HttpStatus.TOO_MANY_REQUESTS.getCode()) {
            return Refusals.tooManyFailures(refusal, Refusals.retryAfter(ctx, refusal));
        }
        throw refusal;
    }

    private static HttpStatus statusOf(ApiError refusal) {
        return refusal.status() == HttpStatus.TOO_MANY_REQUESTS.getCode()
                ? HttpStatus.TOO_MANY_REQUESTS
                : HttpStatus.BAD_REQUEST;
    }

    private void showForgot(Context ctx, HttpStatus status, String email, String message, boolean sent) {
        Templates.forgot(ctx, status, new ForgotPage(email, message, sent, SignInPages.formToken(ctx, clientIp)));
    }

    private void showReset(Context ctx, HttpStatus status, String token, boolean live, String problem) {
        // the page's address holds the link's token: no other site gets even its origin (no-referrer would make the
        // form's Origin "null", which the cross-site check refuses)
        ctx.header("Referrer-Policy", "same-origin");
        Templates.reset(ctx, status, new ResetPage(token, live, problem, SignInPages.formToken(ctx, clientIp)));
    }
}
