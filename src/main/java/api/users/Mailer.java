package api.users;

import api.config.AppConfig;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

/** Sends plain-text messages over SMTP as {@code SMTP_*} says, through Angus Mail; one connection a message. */
public final class Mailer {
    /** How long connecting, and each read and write, may take before a message counts as failed. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Session session;
    private final InternetAddress from;

    public Mailer(AppConfig.Mail settings) {
        var properties = new Properties();
        String millis = Long.toString(TIMEOUT.toMillis());
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        switch (settings.security()) {
            case "starttls" -> {
                properties.put("mail.smtp.starttls.enable", "true");
                // without it a server (or a man in the middle) that offers no STARTTLS gets the password in clear
                properties.put("mail.smtp.starttls.required", "true");
                properties.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case "tls" -> {
                properties.put("mail.smtp.ssl.enable", "true");
                properties.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            default -> {}
        }
        Authenticator login = null;
        if (!settings.user().isEmpty()) {
            properties.put("mail.smtp.auth", "true");
            var credentials = new PasswordAuthentication(settings.user(), settings.password());
            login = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return credentials;
                }
            };
        }
        this.session = Session.getInstance(properties, login);
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("SMTP_FROM is not an email address: " + e.getMessage(), e);
        }
    }

    /** Returns once the server has taken the message; throws when it did not within {@link #TIMEOUT} a step. */
    public void send(String to, String subject, String text) throws MessagingException {
        var message = new MimeMessage(session);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(text, StandardCharsets.UTF_8.name());
        Transport.send(message);
    }
}
