package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Api;
import api.support.OnEachDatabase;
import api.support.RawHttp;
import api.support.TestApp;
import api.support.TestDb;
import com.auth0.jwt.JWT;
import java.nio.charset.StandardCharsets;
import java.util.Map;

class LoginApiTest {

    private static TestApp app(TestDb db) {
        db.truncateAll();
        return Api.on(db);
    }

    @OnEachDatabase
    void login_returns_a_bearer_token_for_the_users_id(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.postForm("/login", Map.of("username", user.email(), "password", Api.PASSWORD));

        assertEquals(200, response.status());
        assertEquals("bearer", response.json().get("token_type").asText());
        var token = JWT.decode(response.json().get("access_token").asText());
        assertEquals(user.id(), token.getClaim("user_id").asLong());
        assertEquals("HS256", token.getAlgorithm());
    }

    @OnEachDatabase
    void login_accepts_json_email_and_password(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.postJson("/login", Map.of("email", user.email(), "password", Api.PASSWORD));

        assertEquals(200, response.status());
        assertEquals(
                user.id(),
                JWT.decode(response.json().get("access_token").asText())
                        .getClaim("user_id")
                        .asLong());
    }

    @OnEachDatabase
    void login_with_a_trailing_slash_works(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        assertEquals(
                200,
                app.postForm("/login/", Map.of("username", user.email(), "password", Api.PASSWORD))
                        .status());
    }

    @OnEachDatabase
    void login_with_a_wrong_email_returns_403(TestDb db) {
        TestApp app = app(db);
        Api.signUp(app);

        var response = app.postForm("/login", Map.of("username", "wrongemail@gmail.com", "password", Api.PASSWORD));

        assertEquals(403, response.status());
        assertEquals("Invalid Credentials", response.detail());
    }

    @OnEachDatabase
    void login_with_a_wrong_password_returns_403(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        var response = app.postForm("/login", Map.of("username", user.email(), "password", "wrongpassword"));

        assertEquals(403, response.status());
        assertEquals("Invalid Credentials", response.detail());
    }

    @OnEachDatabase
    void login_with_wrong_email_and_password_returns_403(TestDb db) {
        var response =
                app(db).postForm("/login", Map.of("username", "wrongemail@gmail.com", "password", "wrongpassword"));

        assertEquals(403, response.status());
    }

    @OnEachDatabase
    void a_one_megabyte_login_form_is_413_before_any_password_work(TestDb db) {
        // a raw socket: the answer comes, and the connection closes, before the body is all sent
        var response = RawHttp.post(
                app(db).port(),
                "/login",
                "application/x-www-form-urlencoded",
                "username=someone%40example.com&password=" + "x".repeat(1_000_000));

        assertEquals(413, response.status());
        assertTrue(response.text().contains("Content Too Large"), response.text());
    }

    @OnEachDatabase
    void a_one_megabyte_sign_up_body_is_413(TestDb db) {
        var response = RawHttp.post(
                app(db).port(),
                "/users",
                "application/json",
                "{\"email\": \"" + Api.uniqueEmail() + "\", \"password\": \"" + "x".repeat(1_000_000) + "\"}");

        assertEquals(413, response.status());
        assertTrue(response.text().contains("Content Too Large"), response.text());
    }

    @OnEachDatabase
    void a_one_megabyte_chunked_login_body_is_413(TestDb db) {
        TestApp app = app(db);
        byte[] body = ("username=a%40b.c&password=" + "x".repeat(1_000_000)).getBytes(StandardCharsets.US_ASCII);

        var response = RawHttp.send(
                app.port(),
                RawHttp.request(
                        "POST",
                        RawHttp.ascii("/login"),
                        Map.of(
                                "Content-Type",
                                RawHttp.ascii("application/x-www-form-urlencoded"),
                                "Transfer-Encoding",
                                RawHttp.ascii("chunked")),
                        RawHttp.chunked(body)));

        assertEquals(413, response.status());
    }

    @OnEachDatabase
    void a_username_longer_than_any_email_is_422(TestDb db) {
        var response = app(db).postForm(
                        "/login", Map.of("username", "a".repeat(321) + "@example.com", "password", Api.PASSWORD));

        assertEquals(422, response.status());
        assertEquals(
                "username",
                response.json().get("detail").get(0).get("loc").get(1).asText());
    }

    @OnEachDatabase
    void a_password_over_1024_bytes_is_422(TestDb db) {
        var response = app(db).postJson("/login", Map.of("email", "someone@example.com", "password", "é".repeat(513)));

        assertEquals(422, response.status());
        assertEquals(
                "password",
                response.json().get("detail").get(0).get("loc").get(1).asText());
    }

    @OnEachDatabase
    void login_without_a_username_returns_422(TestDb db) {
        var response = app(db).postForm("/login", Map.of("password", Api.PASSWORD));

        assertEquals(422, response.status());
        assertEquals(
                "username",
                response.json().get("detail").get(0).get("loc").get(1).asText());
    }

    @OnEachDatabase
    void login_without_a_password_returns_422(TestDb db) {
        var response = app(db).postForm("/login", Map.of("username", "someone@example.com"));

        assertEquals(422, response.status());
        assertEquals(
                "password",
                response.json().get("detail").get(0).get("loc").get(1).asText());
    }

    @OnEachDatabase
    void login_finds_the_account_whatever_the_case_of_the_email_domain(TestDb db) {
        TestApp app = app(db);
        app.postJson("/users", Map.of("email", "case@example.com", "password", Api.PASSWORD));

        assertEquals(
                200,
                app.postForm("/login", Map.of("username", "case@EXAMPLE.com", "password", Api.PASSWORD))
                        .status());
    }

    @OnEachDatabase
    void a_password_hash_from_the_original_app_logs_in(TestDb db) {
        TestApp app = app(db);
        db.jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO users (email, password) VALUES (?, ?)",
                        "migrated@example.com",
                        "$2b$12$HKOMVWwZi.G9TTDttNYQtOS7Fww5RrreYp0lqnceqsG4pBC2Suaga"));

        assertEquals(
                200,
                app.postForm("/login", Map.of("username", "migrated@example.com", "password", "password123"))
                        .status());
        assertEquals(
                403,
                app.postForm("/login", Map.of("username", "migrated@example.com", "password", "password124"))
                        .status());
    }

    @OnEachDatabase
    void an_issued_token_authenticates_later_requests(TestDb db) {
        TestApp app = app(db);
        var user = Api.signUp(app);

        assertTrue(app.get("/users/me", user.auth()).body().contains(user.email()));
    }
}
