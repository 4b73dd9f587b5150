package api.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import api.support.Api;
import api.support.OnEachDatabase;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Instant;
import java.util.Map;

class AuthApiTest {
    /** TestConfig's SECRET_KEY: the tests forge tokens the app would have issued. */
    private static final String SECRET = "test-secret-key-that-is-long-enough-for-hs256";

    private static TestApp app(TestDb db) {
        db.truncateAll();
        return Api.on(db);
    }

    private static void assertCouldNotValidate(TestApp.Response response) {
        assertEquals(401, response.status());
        assertEquals("Could not validate credentials", response.detail());
        assertEquals("Bearer", response.header("WWW-Authenticate"));
    }

    @OnEachDatabase
    void no_authorization_header_is_401_not_authenticated(TestDb db) {
        var response = app(db).get("/posts");

        assertEquals(401, response.status());
        assertEquals("Not authenticated", response.detail());
        assertEquals("Bearer", response.header("WWW-Authenticate"));
    }

    @OnEachDatabase
    void another_scheme_than_bearer_is_401_not_authenticated(TestDb db) {
        var response = app(db).get("/posts", "Authorization", "Basic dXNlcjpwYXNz");

        assertEquals(401, response.status());
        assertEquals("Not authenticated", response.detail());
    }

    @OnEachDatabase
    void a_malformed_token_is_401_could_not_validate(TestDb db) {
        assertCouldNotValidate(app(db).get("/posts", Api.bearer("not-a-token")));
    }

    @OnEachDatabase
    void an_expired_token_is_401_could_not_validate(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        String expired = JWT.create()
                .withClaim("user_id", user.id())
                .withExpiresAt(Instant.now().minusSeconds(60))
                .sign(Algorithm.HMAC256(SECRET));

        assertCouldNotValidate(app.get("/posts", Api.bearer(expired)));
    }

    @OnEachDatabase
    void a_token_signed_with_another_key_is_401_could_not_validate(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        String forged = JWT.create()
                .withClaim("user_id", user.id())
                .withExpiresAt(Instant.now().plusSeconds(600))
                .sign(Algorithm.HMAC256("guessed-secret-guessed-secret-guessed"));

        assertCouldNotValidate(app.get("/posts", Api.bearer(forged)));
    }

    @OnEachDatabase
    void an_alg_none_token_is_401_could_not_validate(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        String unsigned = JWT.create()
                .withClaim("user_id", user.id())
                .withExpiresAt(Instant.now().plusSeconds(600))
                .sign(Algorithm.none());

        assertCouldNotValidate(app.get("/posts", Api.bearer(unsigned)));
    }

    @OnEachDatabase
    void a_token_whose_user_id_was_changed_is_401_could_not_validate(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        var victim = Api.signUp(app);
        String[] parts = user.token().split("\\.");
        String payload = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"user_id\":" + victim.id() + ",\"exp\":"
                                + (Instant.now().getEpochSecond() + 600) + "}")
                        .getBytes());

        assertCouldNotValidate(app.get("/users/me", Api.bearer(parts[0] + "." + payload + "." + parts[2])));
    }

    @OnEachDatabase
    void a_token_of_a_deleted_user_is_401_could_not_validate(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);
        db.jdbi().useHandle(h -> h.execute("DELETE FROM users WHERE id = ?", user.id()));

        assertCouldNotValidate(app.get("/posts", user.auth()));
    }

    @OnEachDatabase
    void authentication_is_checked_before_the_body_is_validated(TestDb db) {
        var response = app(db).send("PUT", "/posts/1", null, null);

        assertEquals(401, response.status());
        assertEquals("Not authenticated", response.detail());
    }

    @OnEachDatabase
    void a_bad_token_is_401_even_with_an_invalid_body(TestDb db) {
        var response = app(db).send("POST", "/posts", "application/json", "{broken", Api.bearer("not-a-token"));

        assertCouldNotValidate(response);
    }

    @OnEachDatabase
    void a_token_signed_with_the_former_default_key_is_refused_by_an_app_with_no_key_configured(TestDb db) {
        db.truncateAll();
        try (TestApp app = TestApp.start(TestConfig.forDb(db, Map.of("SECRET_KEY", "")), db)) {
            var user = Api.signUp(app);
            String forged = JWT.create()
                    .withClaim("user_id", user.id())
                    .withExpiresAt(Instant.now().plusSeconds(600))
                    .sign(Algorithm.HMAC256("dev-secret-change-me"));

            assertCouldNotValidate(app.get("/posts", Api.bearer(forged)));
        }
    }

    @OnEachDatabase
    void without_a_configured_key_a_token_ends_with_the_start_that_issued_it(TestDb db) {
        db.truncateAll();
        var config = TestConfig.forDb(db, Map.of("SECRET_KEY", ""));
        Api.Account account;
        try (TestApp first = TestApp.start(config, db)) {
            account = Api.signUp(first);
            assertEquals(200, first.get("/posts", account.auth()).status());
        }
        try (TestApp second = TestApp.start(TestConfig.forDb(db, Map.of("SECRET_KEY", "")), db)) {
            assertCouldNotValidate(second.get("/posts", account.auth()));
        }
    }
}
