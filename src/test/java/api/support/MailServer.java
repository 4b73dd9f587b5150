package api.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server in the test process (GreenMail) on a free port, and the app settings that point at it. */
public final class MailServer implements AutoCloseable {
    public static final String PUBLIC_URL = "https://tasks.example.com";
    private static final Pattern RESET_LINK = Pattern.compile("(\\S+/tasks/reset\\?token=)([A-Za-z0-9_-]+)");

    private final GreenMail server;

    private MailServer(GreenMail server) {
        this.server = server;
    }

    public static MailServer start() {
        var server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        return new MailServer(server);
    }

    /** The test config's overrides for an app that sends through this server in the clear, as to a mail catcher. */
    public Map<String, String> settings() {
        return settingsFor(server.getSmtp().getPort());
    }

    /** Settings that name a port where nothing listens: every message fails at once. */
    public static Map<String, String> settingsOfAServerThatIsDown() {
        try (var socket = new ServerSocket(0)) {
            return settingsFor(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> settingsFor(int port) {
        var settings = new HashMap<String, String>();
        settings.put("PUBLIC_URL", PUBLIC_URL);
        settings.put("SMTP_HOST", "127.0.0.1");
        settings.put("SMTP_PORT", Integer.toString(port));
        settings.put("SMTP_SECURITY", "none");
        settings.put("SMTP_FROM", "no-reply@tasks.example.com");
        return settings;
    }

    /** The {@code count}th message received since the server started or was emptied, waiting for it if need be. */
    public MimeMessage message(int count) {
        if (!server.waitForIncomingEmail(15_000, count)) {
            throw new AssertionError("no message number " + count + " arrived; got " + received());
        }
        return server.getReceivedMessages()[count - 1];
    }

    public int received() {
        return server.getReceivedMessages().length;
    }

    public void empty() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reset link a message holds, whole. */
    public static String resetLink(MimeMessage message) {
        Matcher link = RESET_LINK.matcher(text(message));
        if (!link.find()) {
            throw new AssertionError("no reset link in: " + text(message));
        }
        return link.group();
    }

    /** The token of the reset link a message holds. */
    public static String resetToken(MimeMessage message) {
        return resetLink(message).substring(resetLink(message).indexOf("token=") + "token=".length());
    }

    public static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
