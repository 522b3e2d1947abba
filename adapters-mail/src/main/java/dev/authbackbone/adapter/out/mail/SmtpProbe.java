package dev.authbackbone.adapter.out.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Checks that the SMTP server takes mail, without sending any: connects, reads the greeting, says
 * EHLO (and STARTTLS and the login, as sending would), then QUIT. For readiness, so that a server
 * that went away is noticed without waiting for a request to fail.
 */
public final class SmtpProbe {

    private final SmtpSettings settings;
    private final Session session;
    private final String protocol;

    /** A probe of the server {@code settings} name, with the same security and timeout as sending. */
    public SmtpProbe(SmtpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.protocol = settings.transport() == SmtpSettings.Transport.SMTPS ? "smtps" : "smtp";
        this.session = Session.getInstance(properties(settings, protocol));
    }

    private static Properties properties(SmtpSettings settings, String protocol) {
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        String millis = String.valueOf(settings.timeout().toMillis());
        p.setProperty(prefix + "connectiontimeout", millis);
        p.setProperty(prefix + "timeout", millis);
        p.setProperty(prefix + "writetimeout", millis);
        p.setProperty(prefix + "auth", String.valueOf(settings.username() != null));
        switch (settings.transport()) {
            case SMTP -> {
                // As the sender: opportunistic STARTTLS, certificate not checked.
                p.setProperty(prefix + "starttls.enable", "true");
                p.setProperty(prefix + "ssl.trust", "*");
            }
            case STARTTLS -> {
                p.setProperty(prefix + "starttls.enable", "true");
                p.setProperty(prefix + "starttls.required", "true");
                p.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            case SMTPS -> p.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return p;
    }

    /**
     * Runs one check, taking at most about twice the timeout.
     *
     * @return empty when the server took the session, otherwise why not (addresses masked, no secret)
     */
    public Optional<String> check() {
        try {
            Transport transport = session.getTransport(protocol);
            try {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            } finally {
                closeQuietly(transport);
            }
            return Optional.empty();
        } catch (MessagingException | RuntimeException e) {
            SmtpFailure meaning = SmtpFailure.classify(e);
            return Optional.of(meaning instanceof SmtpFailure.Unavailable unavailable ? unavailable.reason()
                    : "unexpected answer: " + meaning);
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // QUIT is a courtesy; the check already has its answer.
        }
    }
}
