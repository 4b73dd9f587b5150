package api.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The social API from a client's side: one running app per test database, and the steps most tests start with. */
public final class Api {
    public static final String PASSWORD = "password123";
    private static final Map<String, TestApp> APPS = new ConcurrentHashMap<>();
    private static final AtomicInteger USERS = new AtomicInteger();

    private Api() {}

    /**
     * The real app on {@code db}, started once and shared by every API test class. Its login limit is out of
     * reach so that failed-login tests do not lock each other out; the rate limit tests start their own app.
     */
    public static TestApp on(TestDb db) {
        return APPS.computeIfAbsent(
                db.name(), name -> TestApp.start(TestConfig.forDb(db, Map.of("LOGIN_MAX_FAILURES", "1000000")), db));
    }

    public static String uniqueEmail() {
        return "user" + USERS.incrementAndGet() + "@example.com";
    }

    /** A new account: its id, email and a valid bearer token. */
    public record Account(long id, String email, String token) {
        public String[] auth() {
            return bearer(token);
        }
    }

    public static Account signUp(TestApp app) {
        String email = uniqueEmail();
        var created = app.postJson("/users", Map.of("email", email, "password", PASSWORD));
        if (created.status() != 201) {
            throw new AssertionError("sign-up failed: " + created.status() + " " + created.body());
        }
        return new Account(created.json().get("id").asLong(), email, login(app, email, PASSWORD));
    }

    public static String login(TestApp app, String email, String password) {
        var response = app.postForm("/login", Map.of("username", email, "password", password));
        if (response.status() != 200) {
            throw new AssertionError("login failed: " + response.status() + " " + response.body());
        }
        return response.json().get("access_token").asText();
    }

    public static long createPost(TestApp app, Account owner, String title) {
        var response = app.postJson("/posts", Map.of("title", title, "content", "content of " + title), owner.auth());
        if (response.status() != 201) {
            throw new AssertionError("create post failed: " + response.status() + " " + response.body());
        }
        return response.json().get("id").asLong();
    }

    /** An unpublished post of {@code owner}, created through the API. */
    public static long createDraft(TestApp app, Account owner, String title) {
        var response =
                app.postJson("/posts", Map.of("title", title, "content", "not yet", "published", false), owner.auth());
        if (response.status() != 201) {
            throw new AssertionError("create draft failed: " + response.status() + " " + response.body());
        }
        return response.json().get("id").asLong();
    }

    public static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }
}
