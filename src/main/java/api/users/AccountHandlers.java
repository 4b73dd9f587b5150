package api.users;

import api.web.Caller;
import api.web.ClientIp;
import api.web.Json;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** The caller's own account (password change, deletion) and password recovery, over {@link Accounts}. */
public final class AccountHandlers {
    static final String RECOVERY_ACCEPTED =
            "If an account has this email, a message with a link to reset its password is on its way";
    static final String BAD_LINK = Accounts.BAD_LINK;

    private final Accounts accounts;
    private final PasswordRecovery recovery;
    private final ClientIp clientIp;

    public AccountHandlers(Accounts accounts, PasswordRecovery recovery, ClientIp clientIp) {
        this.accounts = accounts;
        this.recovery = recovery;
        this.clientIp = clientIp;
    }

    public void changePassword(Context ctx) {
        long userId = Caller.userId(ctx);
        var input = AccountRequests.PasswordChange.from(Json.body(ctx));
        ctx.future(() -> accounts.changePassword(
                        userId,
                        clientIp.of(ctx),
                        input.currentPassword(),
                        input.newPassword(),
                        ctx.cookie(Devices.COOKIE))
                .thenRun(() -> ctx.status(HttpStatus.NO_CONTENT)));
    }

    public void delete(Context ctx) {
        long userId = Caller.userId(ctx);
        var input = AccountRequests.Deletion.from(Json.body(ctx));
        ctx.future(() -> accounts.delete(userId, clientIp.of(ctx), input.password(), ctx.cookie(Devices.COOKIE))
                .thenRun(() -> ctx.status(HttpStatus.NO_CONTENT)));
    }

    public void recover(Context ctx) {
        var input = AccountRequests.Recovery.from(Json.body(ctx));
        recovery.request(clientIp.of(ctx), input.email());
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("message", RECOVERY_ACCEPTED));
    }

    public void reset(Context ctx) {
        var input = AccountRequests.Reset.from(Json.body(ctx));
        ctx.future(() ->
                accounts.reset(input.token(), input.newPassword()).thenRun(() -> ctx.status(HttpStatus.NO_CONTENT)));
    }
}
