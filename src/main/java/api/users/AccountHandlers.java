package api.users;

import api.auth.ConfirmedUsers;
import api.auth.NotAuthenticated;
import api.auth.Tokens;
import api.db.Sha256;
import api.web.ApiError;
import api.web.Caller;
import api.web.ClientIp;
import api.web.Json;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/**
 * The caller's own account (password change, deletion) and password recovery. Every change that ends the account's
 * tokens is forgotten by this instance's user cache at once; the other instances see it within the cache's time.
 */
public final class AccountHandlers {
    static final String RECOVERY_ACCEPTED =
            "If an account has this email, a message with a link to reset its password is on its way";
    static final String BAD_LINK = "This reset link is unknown, used or expired: ask for a new one";

    private final UserDao users;
    private final AccountDao accounts;
    private final PasswordLogin logins;
    private final Passwords passwords;
    private final PasswordWorkers workers;
    private final PasswordRecovery recovery;
    private final ResetLinks links;
    private final ConfirmedUsers confirmed;
    private final Tokens tokens;
    private final ClientIp clientIp;

    public AccountHandlers(
            UserDao users,
            AccountDao accounts,
            PasswordLogin logins,
            Passwords passwords,
            PasswordWorkers workers,
            PasswordRecovery recovery,
            ResetLinks links,
            ConfirmedUsers confirmed,
            Tokens tokens,
            ClientIp clientIp) {
        this.users = users;
        this.accounts = accounts;
        this.logins = logins;
        this.passwords = passwords;
        this.workers = workers;
        this.recovery = recovery;
        this.links = links;
        this.confirmed = confirmed;
        this.tokens = tokens;
        this.clientIp = clientIp;
    }

    /** A wrong current password is a failed login, under the login limits, so a stolen token cannot guess it. */
    public void changePassword(Context ctx) {
        long userId = Caller.userId(ctx);
        var input = AccountRequests.PasswordChange.from(Json.body(ctx));
        String account = accountOf(userId);
        ctx.future(() -> logins.confirm(clientIp.of(ctx), account, input.currentPassword(), ctx.cookie(Devices.COOKIE))
                .thenCompose(confirmedPassword -> workers.run(() -> passwords.hash(input.newPassword())))
                .thenAccept(hash -> {
                    accounts.changePassword(userId, hash, tokens.now());
                    confirmed.forget(userId);
                    ctx.status(HttpStatus.NO_CONTENT);
                }));
    }

    public void delete(Context ctx) {
        long userId = Caller.userId(ctx);
        var input = AccountRequests.Deletion.from(Json.body(ctx));
        String account = accountOf(userId);
        ctx.future(() -> logins.confirm(clientIp.of(ctx), account, input.password(), ctx.cookie(Devices.COOKIE))
                .thenAccept(confirmedPassword -> {
                    accounts.delete(userId, LoginFailures.accountKey(account));
                    confirmed.forget(userId);
                    ctx.status(HttpStatus.NO_CONTENT);
                }));
    }

    public void recover(Context ctx) {
        var input = AccountRequests.Recovery.from(Json.body(ctx));
        recovery.request(clientIp.of(ctx), input.email());
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("message", RECOVERY_ACCEPTED));
    }

    /** The link is looked up before any hashing, and used up in the transaction that sets the password. */
    public void reset(Context ctx) {
        var input = AccountRequests.Reset.from(Json.body(ctx));
        long userId = links.userOf(input.token()).orElseThrow(() -> ApiError.badRequest(BAD_LINK));
        ctx.future(() -> workers.run(() -> passwords.hash(input.newPassword())).thenAccept(hash -> {
            if (!accounts.resetPassword(Sha256.hex(input.token()), userId, hash, links.now(), tokens.now())) {
                throw ApiError.badRequest(BAD_LINK);
            }
            confirmed.forget(userId);
            ctx.status(HttpStatus.NO_CONTENT);
        }));
    }

    /** The account was deleted since the token was checked: the token no longer names anyone. */
    private String accountOf(long userId) {
        return users.accountOf(userId).orElseThrow(() -> new NotAuthenticated(NotAuthenticated.INVALID_CREDENTIALS));
    }
}
