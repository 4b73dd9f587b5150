package api.users;

import api.auth.ConfirmedUsers;
import api.auth.NotAuthenticated;
import api.auth.Tokens;
import api.db.Sha256;
import api.web.ApiError;
import api.web.FieldErrors;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Changes to an account as a whole, for its routes and its pages alike: password change, reset, deletion. Each ends
 * the account's tokens and sessions, and this instance's user cache forgets it at once; the other instances see it
 * within the cache's time.
 */
public final class Accounts {
    public static final String BAD_LINK = "This reset link is unknown, used or expired: ask for a new one";

    private final UserDao users;
    private final AccountDao accounts;
    private final PasswordLogin logins;
    private final Passwords passwords;
    private final PasswordWorkers workers;
    private final ResetLinks links;
    private final ConfirmedUsers confirmed;
    private final Tokens tokens;

    public Accounts(
            UserDao users,
            AccountDao accounts,
            PasswordLogin logins,
            Passwords passwords,
            PasswordWorkers workers,
            ResetLinks links,
            ConfirmedUsers confirmed,
            Tokens tokens) {
        this.users = users;
        this.accounts = accounts;
        this.logins = logins;
        this.passwords = passwords;
        this.workers = workers;
        this.links = links;
        this.confirmed = confirmed;
        this.tokens = tokens;
    }

    /** What the sign-up rules say of a new password; empty when it keeps them. */
    public static Optional<String> newPasswordProblem(String password) {
        var errors = new FieldErrors();
        NewUser.checkNewPassword(password, "password", errors);
        return errors.firstMessage();
    }

    /**
     * A wrong current password is a failed login, under the login limits, so a stolen token or session cannot guess
     * it: the future fails as {@link PasswordLogin#confirm} does.
     */
    public CompletableFuture<Void> changePassword(
            long userId, String address, String currentPassword, String newPassword, String device) {
        String account = accountOf(userId);
        return logins.confirm(address, account, currentPassword, device)
                .thenCompose(confirmedPassword -> workers.run(() -> passwords.hash(newPassword)))
                .thenAccept(hash -> {
                    accounts.changePassword(userId, hash, tokens.now());
                    confirmed.forget(userId);
                });
    }

    /** Deletes the account and every row of it once {@code password} is confirmed as a login would be. */
    public CompletableFuture<Void> delete(long userId, String address, String password, String device) {
        String account = accountOf(userId);
        return logins.confirm(address, account, password, device).thenAccept(confirmedPassword -> {
            accounts.delete(userId, LoginFailures.accountKey(account));
            confirmed.forget(userId);
        });
    }

    /** Whether the link's token is live, to show its form or the one message before anything is typed. */
    public boolean linkIsLive(String token) {
        return links.userOf(token).isPresent();
    }

    /**
     * Sets the password through a reset link; fails with 400 {@link #BAD_LINK} for a link that is not live. The link
     * is looked up before any hashing, and used up in the transaction that sets the password.
     */
    public CompletableFuture<Void> reset(String token, String newPassword) {
        Optional<Long> user = links.userOf(token);
        if (user.isEmpty()) {
            return CompletableFuture.failedFuture(ApiError.badRequest(BAD_LINK));
        }
        long userId = user.get();
        return workers.run(() -> passwords.hash(newPassword)).thenAccept(hash -> {
            if (!accounts.resetPassword(Sha256.hex(token), userId, hash, links.now(), tokens.now())) {
                throw ApiError.badRequest(BAD_LINK);
            }
            confirmed.forget(userId);
        });
    }

    /** The account was deleted since the caller was checked: the token or session no longer names anyone. */
    private String accountOf(long userId) {
        return users.accountOf(userId).orElseThrow(() -> new NotAuthenticated(NotAuthenticated.INVALID_CREDENTIALS));
    }
}
