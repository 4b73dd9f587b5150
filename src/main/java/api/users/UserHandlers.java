package api.users;

import api.auth.Tokens;
import api.web.ApiError;
import api.web.Caller;
import api.web.ClientIp;
import api.web.FieldErrors;
import api.web.Json;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

public final class UserHandlers {
    private final UserDao users;
    private final SignUp signUp;
    private final Tokens tokens;
    private final PasswordLogin logins;
    private final ClientIp clientIp;

    public UserHandlers(UserDao users, SignUp signUp, Tokens tokens, PasswordLogin logins, ClientIp clientIp) {
        this.users = users;
        this.signUp = signUp;
        this.tokens = tokens;
        this.logins = logins;
        this.clientIp = clientIp;
    }

    public void create(Context ctx) {
        NewUser input = NewUser.from(Json.body(ctx));
        ctx.future(() -> signUp.create(clientIp.of(ctx), input)
                .thenAccept(user -> ctx.status(HttpStatus.CREATED).json(user)));
    }

    public void get(Context ctx) {
        long id = FieldErrors.pathId(ctx);
        ctx.json(users.find(id).orElseThrow(() -> ApiError.notFound("User with id: " + id + " does not exist")));
    }

    public void me(Context ctx) {
        long id = Caller.userId(ctx);
        ctx.json(users.find(id).orElseThrow(() -> ApiError.notFound("User with id: " + id + " does not exist")));
    }

    public void login(Context ctx) {
        Login login = Login.from(ctx);
        // before the password is read: a change that lands during the check ends the token this login gets
        var asked = tokens.now();
        ctx.future(() -> logins.logIn(clientIp.of(ctx), login.account(), login.password(), ctx.cookie(Devices.COOKIE))
                .thenAccept(in -> {
                    ctx.res().addHeader("Set-Cookie", Devices.cookie(in.device(), clientIp.overHttps(ctx)));
                    ctx.json(new Token(tokens.issue(in.userId(), asked), "bearer"));
                }));
    }
}
