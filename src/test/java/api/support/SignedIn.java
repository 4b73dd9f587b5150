package api.support;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser signed in to the task pages, from a client's side: its session cookie and the form token its pages
 * carry. Requests go out as a same-site form would: the cookie, and the token in every POST.
 */
public record SignedIn(TestApp app, long userId, String email, String cookie, String csrf) {
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** A new account made through {@code POST /users}, then signed in through the sign-in form. */
    public static SignedIn newUser(TestApp app) {
        String email = Api.uniqueEmail();
        var created = app.postJson("/users", Map.of("email", email, "password", Api.PASSWORD));
        if (created.status() != 201) {
            throw new AssertionError("sign-up failed: " + created.status() + " " + created.body());
        }
        return signIn(app, created.json().get("id").asLong(), email, Api.PASSWORD);
    }

    public static SignedIn signIn(TestApp app, long userId, String email, String password) {
        var form = app.get("/tasks/login");
        var done = app.postForm(
                "/tasks/login",
                Map.of("email", email, "password", password, "csrf", csrfOf(form.body())),
                "Cookie",
                "signin_csrf=" + cookieOf(form, "signin_csrf"));
        if (done.status() != 303) {
            throw new AssertionError("sign-in failed: " + done.status() + " " + done.body());
        }
        String cookie = cookieOf(done, "session");
        String csrf = csrfOf(app.get("/tasks/", "Cookie", "session=" + cookie).body());
        return new SignedIn(app, userId, email, cookie, csrf);
    }

    public TestApp.Response get(String path) {
        return app.get(path, "Cookie", "session=" + cookie);
    }

    /** A POST of the form with this session's token. */
    public TestApp.Response post(String path, Map<String, String> form) {
        Map<String, String> withToken = new HashMap<>(form);
        withToken.put("csrf", csrf);
        return app.postForm(path, withToken, "Cookie", "session=" + cookie);
    }

    /** A POST of the form exactly as given, with the cookie and any extra headers. */
    public TestApp.Response postAsIs(String path, Map<String, String> form, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Cookie";
        all[1] = "session=" + cookie;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return app.postForm(path, form, all);
    }

    /** The hidden {@code csrf} field of a page. */
    public static String csrfOf(String html) {
        Matcher matcher = HIDDEN_CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no csrf field in the page: " + html);
        }
        return matcher.group(1);
    }

    /** The value a response's {@code Set-Cookie} gives the cookie {@code name}. */
    public static String cookieOf(TestApp.Response response, String name) {
        String header = setCookie(response, name);
        if (header == null) {
            throw new AssertionError(
                    "no " + name + " cookie in " + response.raw().headers().allValues("Set-Cookie"));
        }
        return header.substring(name.length() + 1, header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
    }

    /** The whole {@code Set-Cookie} header for {@code name}, or null. */
    public static String setCookie(TestApp.Response response, String name) {
        return response.raw().headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(name + "="))
                .findFirst()
                .orElse(null);
    }
}
