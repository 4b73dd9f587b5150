package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Api;
import api.support.Fixtures;
import api.support.OnEachDatabase;
import api.support.TestApp;
import api.support.TestDb;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

class UserApiTest {

    private static TestApp app(TestDb db) {
        db.truncateAll();
        return Api.on(db);
    }

    private static TestApp.Response signUp(TestApp app, String email, String password) {
        return app.postJson("/users", Map.of("email", email, "password", password));
    }

    @OnEachDatabase
    void create_user_returns_201_with_id_email_and_created_at_but_no_password(TestDb db) {
        var response = signUp(app(db), "hello123@gmail.com", "password123");

        assertEquals(201, response.status());
        var user = response.json();
        assertEquals("hello123@gmail.com", user.get("email").asText());
        assertTrue(user.get("id").asLong() > 0);
        assertTrue(
                user.get("created_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00"),
                user.get("created_at").asText());
        assertEquals(3, user.size());
        assertFalse(response.body().contains("password"));
        assertFalse(response.body().contains("$2a$"));
    }

    @OnEachDatabase
    void create_user_with_malformed_utf8_in_the_body_is_422_json_invalid_and_stores_nothing(TestDb db) {
        TestApp app = app(db);
        byte[] latin1 = "{\"email\": \"caf\u00e9@example.com\", \"password\": \"password123\"}"
                .getBytes(StandardCharsets.ISO_8859_1);

        var response = app.send(app.request("/users")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)));

        assertEquals(422, response.status());
        assertEquals(
                "json_invalid", response.json().get("detail").get(0).get("type").asText());
        assertEquals(0, Fixtures.count(db, "users"));
    }

    @OnEachDatabase
    void create_user_with_an_overlong_utf8_form_in_the_body_is_422_json_invalid(TestDb db) {
        TestApp app = app(db);
        byte[] overlongSlash = {(byte) 0xc0, (byte) 0xaf}; // "/" in two bytes: Jackson alone would read it as "/"
        var body = new ByteArrayOutputStream();
        body.writeBytes("{\"email\": \"a".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(overlongSlash);
        body.writeBytes("b@example.com\", \"password\": \"password123\"}".getBytes(StandardCharsets.US_ASCII));

        var response = app.send(app.request("/users")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));

        assertEquals(422, response.status());
        assertEquals(
                "json_invalid", response.json().get("detail").get(0).get("type").asText());
        assertEquals(0, Fixtures.count(db, "users"));
    }

    @OnEachDatabase
    void create_user_with_a_trailing_slash_works(TestDb db) {
        assertEquals(
                201,
                app(db).postJson("/users/", Map.of("email", "slash@example.com", "password", "password123"))
                        .status());
    }

    @OnEachDatabase
    void create_user_with_a_registered_email_returns_409(TestDb db) {
        TestApp app = app(db);
        signUp(app, "twice@example.com", "password123");

        var again = signUp(app, "twice@example.com", "password456");

        assertEquals(409, again.status());
        assertEquals("User with email: twice@example.com already exists", again.detail());
    }

    @OnEachDatabase
    void create_user_stores_the_email_domain_in_lower_case(TestDb db) {
        var response = signUp(app(db), "Mixed.Case@Example.COM", "password123");

        assertEquals("Mixed.Case@example.com", response.json().get("email").asText());
    }

    @OnEachDatabase
    void create_user_with_an_invalid_email_returns_422_at_body_email(TestDb db) {
        var response = signUp(app(db), "not-an-email", "password123");

        assertEquals(422, response.status());
        var error = response.json().get("detail").get(0);
        assertEquals("body", error.get("loc").get(0).asText());
        assertEquals("email", error.get("loc").get(1).asText());
        assertEquals("value_error.email", error.get("type").asText());
    }

    @OnEachDatabase
    void create_user_without_fields_lists_both_as_missing(TestDb db) {
        var response = app(db).postJson("/users", Map.of());

        assertEquals(422, response.status());
        var detail = response.json().get("detail");
        assertEquals(2, detail.size());
        assertEquals("email", detail.get(0).get("loc").get(1).asText());
        assertEquals("password", detail.get(1).get("loc").get(1).asText());
        assertEquals("field required", detail.get(0).get("msg").asText());
    }

    @OnEachDatabase
    void create_user_with_a_password_under_8_characters_returns_422(TestDb db) {
        var response = signUp(app(db), "short@example.com", "1234567");

        assertEquals(422, response.status());
        assertEquals(
                "password",
                response.json().get("detail").get(0).get("loc").get(1).asText());
    }

    @OnEachDatabase
    void create_user_accepts_a_password_of_exactly_72_utf8_bytes(TestDb db) {
        assertEquals(201, signUp(app(db), "max@example.com", "€".repeat(24)).status()); // 3 bytes each
    }

    @OnEachDatabase
    void create_user_refuses_a_password_over_72_utf8_bytes_even_when_under_72_characters(TestDb db) {
        var response = signUp(app(db), "over@example.com", "€".repeat(25)); // 25 characters, 75 bytes

        assertEquals(422, response.status());
        assertEquals(
                "password",
                response.json().get("detail").get(0).get("loc").get(1).asText());
    }

    @OnEachDatabase
    void create_user_refuses_73_ascii_characters(TestDb db) {
        assertEquals(422, signUp(app(db), "ascii@example.com", "a".repeat(73)).status());
    }

    @OnEachDatabase
    void get_user_returns_the_user(TestDb db) {
        TestApp app = app(db);
        var me = Api.signUp(app);
        var other = Api.signUp(app);

        var response = app.get("/users/" + other.id(), me.auth());

        assertEquals(200, response.status());
        assertEquals(other.email(), response.json().get("email").asText());
        assertEquals(other.id(), response.json().get("id").asLong());
    }

    @OnEachDatabase
    void get_user_with_a_trailing_slash_works(TestDb db) {
        TestApp app = app(db);
        var me = Api.signUp(app);

        assertEquals(200, app.get("/users/" + me.id() + "/", me.auth()).status());
    }

    @OnEachDatabase
    void get_missing_user_returns_404(TestDb db) {
        TestApp app = app(db);
        var me = Api.signUp(app);

        var response = app.get("/users/999999", me.auth());

        assertEquals(404, response.status());
        assertEquals("User with id: 999999 does not exist", response.detail());
    }

    @OnEachDatabase
    void get_user_without_a_token_returns_401(TestDb db) {
        TestApp app = app(db);
        var me = Api.signUp(app);

        var response = app.get("/users/" + me.id());

        assertEquals(401, response.status());
        assertEquals("Not authenticated", response.detail());
        assertEquals("Bearer", response.header("WWW-Authenticate"));
    }

    @OnEachDatabase
    void get_user_with_a_non_numeric_id_returns_422(TestDb db) {
        TestApp app = app(db);
        var me = Api.signUp(app);

        var response = app.get("/users/abc", me.auth());

        assertEquals(422, response.status());
        assertEquals(
                "path", response.json().get("detail").get(0).get("loc").get(0).asText());
    }

    @OnEachDatabase
    void users_me_returns_the_caller(TestDb db) {
        TestApp app = app(db);
        var me = Api.signUp(app);

        var response = app.get("/users/me", me.auth());

        assertEquals(200, response.status());
        assertEquals(me.id(), response.json().get("id").asLong());
        assertEquals(me.email(), response.json().get("email").asText());
    }

    @OnEachDatabase
    void users_me_without_a_token_returns_401(TestDb db) {
        assertEquals(401, app(db).get("/users/me").status());
    }
}
