package api.users;

import api.db.DbErrors;
import api.metrics.BusinessMetrics;
import api.web.ApiError;
import api.web.Auth;
import api.web.ClientIp;
import api.web.Json;
import api.web.Tokens;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

public final class UserHandlers {
    private final UserDao users;
    private final Passwords passwords;
    private final PasswordWorkers workers;
    private final Tokens tokens;
    private final PasswordLogin logins;
    private final ClientIp clientIp;
    private final BusinessMetrics events;

    public UserHandlers(UserDao users, Passwords passwords, PasswordWorkers workers, Tokens tokens,
                        PasswordLogin logins, ClientIp clientIp, BusinessMetrics events) {
        this.users = users;
        this.passwords = passwords;
        this.workers = workers;
        this.tokens = tokens;
        this.logins = logins;
        this.clientIp = clientIp;
        this.events = events;
    }

    public void create(Context ctx) {
        NewUser input = NewUser.from(Json.body(ctx));
        ctx.future(() -> workers.run(() -> passwords.hash(input.password())).thenAccept(hash -> {
            long id;
            try {
                id = users.insert(input.email(), hash);
            } catch (UnableToExecuteStatementException e) {
                if (!DbErrors.isDuplicateKey(e)) {
                    throw e;
                }
                throw ApiError.conflict("User with email: " + input.email() + " already exists");
            }
            events.userRegistered();
            ctx.status(HttpStatus.CREATED).json(users.find(id).orElseThrow());
        }));
    }

    public void get(Context ctx) {
        long id = ctx.pathParamAsClass("id", Long.class).get();
        ctx.json(users.find(id).orElseThrow(() -> ApiError.notFound("User with id: " + id + " does not exist")));
    }

    public void me(Context ctx) {
        long id = Auth.userId(ctx);
        ctx.json(users.find(id).orElseThrow(() -> ApiError.notFound("User with id: " + id + " does not exist")));
    }

    public void login(Context ctx) {
        Login login = Login.from(ctx);
        ctx.future(() -> logins.userId(clientIp.of(ctx), login.account(), login.password())
                .thenAccept(userId -> ctx.json(new Token(tokens.issue(userId), "bearer"))));
    }
}
