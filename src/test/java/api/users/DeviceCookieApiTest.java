package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Api;
import api.support.Fixtures;
import api.support.OnEachDatabase;
import api.support.SignedIn;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * Device cookies attacked over HTTP. Each test starts its own app on emptied counters with the default limits: ten
 * failures per address, a hundred per account, in five-minute windows, on a clock that stands still. Attackers'
 * addresses are forged through the trusted proxy's X-Forwarded-For, as a botnet's would be real.
 */
class DeviceCookieApiTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:10Z"), ZoneOffset.UTC);
    private static final String HOME = "198.51.100.7";
    private static final int LIMIT = 10;

    private final List<TestApp> apps = new ArrayList<>();

    private TestApp start(TestDb db) {
        db.truncateAll();
        TestApp app =
                TestApp.start(TestConfig.forDb(db, Map.of("LOGIN_MAX_FAILURES", String.valueOf(LIMIT))), db, CLOCK);
        apps.add(app);
        return app;
    }

    @AfterEach
    void stop() {
        apps.forEach(TestApp::close);
    }

    private static TestApp.Response login(TestApp app, String email, String password, String address, String device) {
        List<String> headers = new ArrayList<>(List.of("X-Forwarded-For", address));
        if (device != null) {
            headers.addAll(List.of("Cookie", Devices.COOKIE + "=" + device));
        }
        return app.postForm("/login", Map.of("username", email, "password", password), headers.toArray(String[]::new));
    }

    /** The owner's device: the cookie a login from home gave this client. */
    private static String deviceOf(TestApp app, Api.Account owner) {
        return SignedIn.cookieOf(login(app, owner.email(), Api.PASSWORD, HOME, null), Devices.COOKIE);
    }

    /** Ten addresses, ten wrong passwords each: the account's ceiling is full. */
    private static void guessFromTenAddresses(TestApp app, String email) {
        for (int address = 1; address <= 10; address++) {
            for (int i = 0; i < LIMIT; i++) {
                assertEquals(
                        403,
                        login(app, email, "guess-" + i, "203.0.113." + address, null)
                                .status());
            }
        }
    }

    @OnEachDatabase
    void a_login_sets_a_year_long_httponly_strict_device_cookie_for_the_whole_site(TestDb db) {
        TestApp app = start(db);
        var owner = Api.signUp(app);

        var response = login(app, owner.email(), Api.PASSWORD, HOME, null);

        String cookie = SignedIn.setCookie(response, Devices.COOKIE);
        assertTrue(
                cookie.matches("device=[A-Za-z0-9_-]{43}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Strict"),
                cookie);
    }

    @OnEachDatabase
    void over_https_the_device_cookie_is_secure(TestDb db) {
        TestApp app = start(db);
        var owner = Api.signUp(app);

        var response = app.postForm(
                "/login", Map.of("username", owner.email(), "password", Api.PASSWORD), "X-Forwarded-Proto", "https");

        assertTrue(SignedIn.setCookie(response, Devices.COOKIE).endsWith("; Secure"));
    }

    @OnEachDatabase
    void the_database_holds_only_a_hash_of_the_device_cookie(TestDb db) {
        TestApp app = start(db);
        var owner = Api.signUp(app);
        db.jdbi().useHandle(h -> h.execute("DELETE FROM devices"));
        String device = deviceOf(app, owner);

        List<String> stored = db.jdbi()
                .withHandle(h -> h.createQuery("SELECT id_hash FROM devices")
                        .mapTo(String.class)
                        .list());

        assertEquals(List.of(api.db.Sha256.hex(device)), stored);
    }

    @OnEachDatabase
    void a_login_with_its_device_cookie_keeps_that_device(TestDb db) {
        TestApp app = start(db);
        var owner = Api.signUp(app);
        String device = deviceOf(app, owner);
        int devices = Fixtures.count(db, "devices");

        var again = login(app, owner.email(), Api.PASSWORD, "192.0.2.1", device);

        assertEquals(device, SignedIn.cookieOf(again, Devices.COOKIE));
        assertEquals(devices, Fixtures.count(db, "devices"));
    }

    @OnEachDatabase
    void ten_addresses_guessing_ten_times_each_cannot_refuse_the_owners_known_device(TestDb db) {
        TestApp app = start(db);
        var owner = Api.signUp(app);
        String device = deviceOf(app, owner);

        guessFromTenAddresses(app, owner.email());

        assertEquals(200, login(app, owner.email(), Api.PASSWORD, HOME, device).status());
    }

    @OnEachDatabase
    void ten_addresses_guessing_ten_times_each_cannot_refuse_the_owners_known_browser_on_the_sign_in_page(TestDb db) {
        TestApp app = start(db);
        var owner = Api.signUp(app);
        var page = app.get("/tasks/login");
        var first = app.postForm(
                "/tasks/login",
                Map.of("email", owner.email(), "password", Api.PASSWORD, "csrf", SignedIn.csrfOf(page.body())),
                "Cookie",
                "signin_csrf=" + SignedIn.cookieOf(page, "signin_csrf"),
                "X-Forwarded-For",
                HOME);
        String device = SignedIn.cookieOf(first, Devices.COOKIE);

        guessFromTenAddresses(app, owner.email());
        var form = app.get("/tasks/login");
        var signIn = app.postForm(
                "/tasks/login",
                Map.of("email", owner.email(), "password", Api.PASSWORD, "csrf", SignedIn.csrfOf(form.body())),
                "Cookie",
                "signin_csrf=" + SignedIn.cookieOf(form, "signin_csrf") + "; device=" + device,
                "X-Forwarded-For",
                HOME);

        assertEquals(303, signIn.status());
        assertEquals("/tasks/", signIn.header("Location"));
    }

    @OnEachDatabase
    void once_ten_addresses_guessed_ten_times_each_a_client_that_never_logged_in_is_429_with_the_right_password(
            TestDb db) {
        TestApp app = start(db);
        var owner = Api.signUp(app);
        guessFromTenAddresses(app, owner.email());

        var stranger = login(app, owner.email(), Api.PASSWORD, HOME, null);

        assertEquals(429, stranger.status());
        assertEquals("290", stranger.header("Retry-After"));
        assertEquals(PasswordLogin.THROTTLED, stranger.detail());
        assertTrue(stranger.detail().contains("from a client that has logged in to this account before"));
    }

    @OnEachDatabase
    void once_ten_addresses_guessed_ten_times_each_a_browser_that_never_signed_in_gets_the_form_with_429(TestDb db) {
        TestApp app = start(db);
        var owner = Api.signUp(app);
        guessFromTenAddresses(app, owner.email());
        var form = app.get("/tasks/login");

        var signIn = app.postForm(
                "/tasks/login",
                Map.of("email", owner.email(), "password", Api.PASSWORD, "csrf", SignedIn.csrfOf(form.body())),
                "Cookie",
                "signin_csrf=" + SignedIn.cookieOf(form, "signin_csrf"),
                "X-Forwarded-For",
                HOME);

        assertEquals(429, signIn.status());
        assertEquals("290", signIn.header("Retry-After"));
        assertTrue(signIn.body().contains("from a browser that has signed in to this account before"), signIn.body());
    }

    @OnEachDatabase
    void a_stolen_device_cookie_gets_exactly_the_limit_of_password_checks_however_many_addresses_use_it(TestDb db) {
        TestApp app = start(db);
        var owner = Api.signUp(app);
        String stolen = deviceOf(app, owner);
        List<Integer> statuses = new ArrayList<>();

        for (int address = 1; address <= 30; address++) {
            statuses.add(login(app, owner.email(), "guess-" + address, "203.0.113." + address, stolen)
                    .status());
        }

        assertEquals(LIMIT, statuses.stream().filter(status -> status == 403).count());
        assertEquals(
                30 - LIMIT, statuses.stream().filter(status -> status == 429).count());
        assertEquals(
                PasswordLogin.DEVICE_THROTTLED,
                login(app, owner.email(), Api.PASSWORD, HOME, stolen).detail());
    }

    @OnEachDatabase
    void a_devices_failures_count_against_that_device_alone(TestDb db) {
        TestApp app = start(db);
        var owner = Api.signUp(app);
        String stolen = deviceOf(app, owner);
        for (int i = 0; i <= LIMIT; i++) {
            login(app, owner.email(), "guess-" + i, HOME, stolen);
        }

        assertEquals(200, login(app, owner.email(), Api.PASSWORD, HOME, null).status());
    }

    @OnEachDatabase
    void a_device_cookie_of_another_account_is_no_way_around_the_limits(TestDb db) {
        TestApp app = start(db);
        var attacker = Api.signUp(app);
        var victim = Api.signUp(app);
        String attackersDevice = deviceOf(app, attacker);
        guessFromTenAddresses(app, victim.email());

        var response = login(app, victim.email(), Api.PASSWORD, "192.0.2.99", attackersDevice);

        assertEquals(429, response.status());
        assertFalse(response.raw().headers().firstValue("Set-Cookie").isPresent());
    }
}
