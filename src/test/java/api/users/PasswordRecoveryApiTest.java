package api.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import api.support.Api;
import api.support.Await;
import api.support.MailServer;
import api.support.MutableClock;
import api.support.OnEachDatabase;
import api.support.RawHttp;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Password recovery over real HTTP with a real SMTP server in the test process. */
class PasswordRecoveryApiTest {
    private static final String NEW_PASSWORD = "a-new-password";
    private static MailServer mail;

    @BeforeAll
    static void startMailServer() {
        mail = MailServer.start();
    }

    @AfterAll
    static void stopMailServer() {
        mail.close();
    }

    private static TestApp app(TestDb db) {
        return app(db, Map.of(), Clock.systemUTC());
    }

    private static TestApp app(TestDb db, Map<String, String> more, Clock clock) {
        db.truncateAll();
        mail.empty();
        var settings = new HashMap<>(mail.settings());
        settings.put("LOGIN_MAX_FAILURES", "1000000");
        settings.putAll(more);
        return TestApp.start(TestConfig.forDb(db, settings), db, clock);
    }

    private static TestApp.Response recover(TestApp app, String email) {
        return app.postJson("/password-recovery", Map.of("email", email));
    }

    private static TestApp.Response reset(TestApp app, String token, String password) {
        return app.postJson("/reset-password", Map.of("token", token, "new_password", password));
    }

    private static int login(TestApp app, String email, String password) {
        return app.postForm("/login", Map.of("username", email, "password", password))
                .status();
    }

    @OnEachDatabase
    void a_known_and_an_unknown_email_get_the_same_answer(TestDb db) {
        try (TestApp app = app(db)) {
            var user = Api.signUp(app);

            var known = recover(app, user.email());
            var unknown = recover(app, "nobody-at-all@example.com");

            assertEquals(202, known.status());
            assertEquals(known.status(), unknown.status());
            assertEquals(known.body(), unknown.body());
        }
    }

    /**
     * Nothing about the account is looked up before the answer, so the two take the same work; the bound is far above
     * any difference that work could make and far below what sending a message takes.
     */
    @OnEachDatabase
    void a_known_and_an_unknown_email_are_answered_in_about_the_same_time(TestDb db) {
        try (TestApp app = app(db)) {
            var user = Api.signUp(app);
            recover(app, "warm-up@example.com");
            long[] known = new long[7];
            long[] unknown = new long[7];
            for (int i = 0; i < known.length; i++) {
                known[i] = timed(() -> recover(app, user.email()));
                String nobody = "nobody-" + i + "@example.com";
                unknown[i] = timed(() -> recover(app, nobody));
            }

            long difference = Math.abs(median(known) - median(unknown));

            assertTrue(difference < Duration.ofMillis(250).toNanos(), "medians differ by " + difference + " ns");
        }
    }

    @OnEachDatabase
    void the_mailed_link_sets_a_new_password_and_ends_the_old_token(TestDb db) {
        try (TestApp app = app(db)) {
            var user = Api.signUp(app);
            recover(app, user.email());

            var message = mail.message(1);
            String link = MailServer.resetLink(message);

            assertEquals(user.email(), message.getAllRecipients()[0].toString());
            assertTrue(link.startsWith(MailServer.PUBLIC_URL + "/tasks/reset?token="), link);
            assertEquals(
                    204,
                    reset(app, MailServer.resetToken(message), NEW_PASSWORD).status());
            assertEquals(200, login(app, user.email(), NEW_PASSWORD));
            assertEquals(403, login(app, user.email(), Api.PASSWORD));
            assertEquals(401, app.get("/users/me", user.auth()).status());
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    @OnEachDatabase
    void no_message_goes_to_an_unknown_email(TestDb db) {
        try (TestApp app = app(db)) {
            var user = Api.signUp(app);
            recover(app, "nobody-at-all@example.com");
            recover(app, user.email()); // one thread sends in order: once this one is in, the first was handled

            mail.message(1);

            assertEquals(1, mail.received());
        }
    }

    @OnEachDatabase
    void a_used_link_is_refused(TestDb db) {
        try (TestApp app = app(db)) {
            var user = Api.signUp(app);
            recover(app, user.email());
            String token = MailServer.resetToken(mail.message(1));
            reset(app, token, NEW_PASSWORD);

            var again = reset(app, token, "yet-another-password");

            assertEquals(400, again.status());
            assertEquals(AccountHandlers.BAD_LINK, again.detail());
            assertEquals(200, login(app, user.email(), NEW_PASSWORD));
        }
    }

    @OnEachDatabase
    void an_expired_link_is_refused(TestDb db) {
        var clock = new MutableClock(Clock.systemUTC().instant());
        try (TestApp app = app(db, Map.of(), clock)) {
            var user = Api.signUp(app);
            recover(app, user.email());
            String token = MailServer.resetToken(mail.message(1));

            clock.advance(Duration.ofMinutes(30));
            var late = reset(app, token, NEW_PASSWORD);

            assertEquals(400, late.status());
            assertEquals(AccountHandlers.BAD_LINK, late.detail());
            assertEquals(200, login(app, user.email(), Api.PASSWORD));
        }
    }

    @OnEachDatabase
    void an_unknown_token_is_refused_with_the_same_message(TestDb db) {
        try (TestApp app = app(db)) {
            var response = reset(app, "A".repeat(43), NEW_PASSWORD);

            assertEquals(400, response.status());
            assertEquals(AccountHandlers.BAD_LINK, response.detail());
        }
    }

    @OnEachDatabase
    void a_newer_request_replaces_the_earlier_link(TestDb db) {
        try (TestApp app = app(db)) {
            var user = Api.signUp(app);
            recover(app, user.email());
            String first = MailServer.resetToken(mail.message(1));
            recover(app, user.email());
            String second = MailServer.resetToken(mail.message(2));

            assertEquals(400, reset(app, first, NEW_PASSWORD).status());
            assertEquals(204, reset(app, second, NEW_PASSWORD).status());
        }
    }

    @OnEachDatabase
    void a_host_header_pointing_elsewhere_changes_nothing_in_the_link(TestDb db) {
        try (TestApp app = app(db)) {
            var user = Api.signUp(app);
            byte[] body = ("{\"email\": \"" + user.email() + "\"}").getBytes(StandardCharsets.UTF_8);
            byte[] request = ("POST /password-recovery HTTP/1.1\r\nHost: attacker.example\r\n"
                            + "X-Forwarded-Host: attacker.example\r\nX-Forwarded-Proto: http\r\n"
                            + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length
                            + "\r\n\r\n" + new String(body, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);

            assertEquals(202, RawHttp.send(app.port(), request).status());

            String link = MailServer.resetLink(mail.message(1));
            assertTrue(link.startsWith(MailServer.PUBLIC_URL + "/tasks/reset?token="), link);
            assertTrue(!MailServer.text(mail.message(1)).contains("attacker.example"));
        }
    }

    @OnEachDatabase
    void with_the_mail_server_down_the_request_is_still_202_and_the_failure_is_counted(TestDb db) {
        db.truncateAll();
        var settings = new HashMap<>(MailServer.settingsOfAServerThatIsDown());
        try (TestApp app = TestApp.start(TestConfig.forDb(db, settings), db)) {
            var user = Api.signUp(app);

            assertEquals(202, recover(app, user.email()).status());

            var failed = Pattern.compile("(?m)^api_mails_total\\{result=\"failed\",?} 1\\.0$");
            Await.until(
                    "the failed message to be counted",
                    () -> failed.matcher(app.get("/metrics").body()).find());
        }
    }

    /**
     * The mail server accepts the connection and never greets: had the request waited for the message, its answer
     * would come after the send gave up and counted the failure.
     */
    @OnEachDatabase
    void a_mail_server_that_never_answers_holds_no_request(TestDb db) throws Exception {
        db.truncateAll();
        try (var silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            silent.setSoTimeout(15_000); // only to fail a test whose send never connects
            var settings = new HashMap<>(mail.settings());
            settings.put("SMTP_PORT", Integer.toString(silent.getLocalPort()));
            try (TestApp app = TestApp.start(TestConfig.forDb(db, settings), db)) {
                var user = Api.signUp(app);

                assertEquals(202, recover(app, user.email()).status());

                try (Socket held = silent.accept()) { // the background send connected, and waits for a greeting
                    var failed = Pattern.compile("(?m)^api_mails_total\\{result=\"failed\",?} 0\\.0$");
                    assertTrue(failed.matcher(app.get("/metrics").body()).find());
                }
            }
        }
    }

    @OnEachDatabase
    void requests_past_the_limit_for_one_email_are_429(TestDb db) {
        try (TestApp app = app(db, Map.of("LOGIN_MAX_FAILURES", "2"), Clock.systemUTC())) {
            recover(app, "target@example.com");
            recover(app, "target@example.com");

            var third = recover(app, "target@example.com");

            assertEquals(429, third.status());
            assertTrue(third.header("Retry-After") != null);
        }
    }

    @OnEachDatabase
    void without_a_mail_server_recovery_is_503_saying_it_is_not_set_up(TestDb db) {
        db.truncateAll();
        TestApp app = Api.on(db);

        var response = recover(app, "someone@example.com");

        assertEquals(503, response.status());
        assertEquals(PasswordRecovery.NOT_SET_UP, response.detail());
    }

    @OnEachDatabase
    void a_reset_without_a_new_password_is_422(TestDb db) {
        try (TestApp app = app(db)) {
            var response = app.postJson("/reset-password", Map.of("token", "A".repeat(43)));

            assertEquals(422, response.status());
            assertEquals("new_password", response.json().at("/detail/0/loc/1").asText());
        }
    }

    private static long timed(Runnable request) {
        long start = System.nanoTime();
        request.run();
        return System.nanoTime() - start;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
