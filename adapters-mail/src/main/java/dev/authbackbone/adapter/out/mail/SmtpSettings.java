package dev.authbackbone.adapter.out.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach the SMTP server. The password never appears in {@link #toString()}.
 *
 * @param host     the SMTP server's host name or address
 * @param port     its port (1 to 65535)
 * @param username the login, or {@code null} for a server that needs none
 * @param password the password, or {@code null} exactly when {@code username} is
 * @param transport how the connection is secured
 * @param from     the sender, an address with an optional display name ({@code Auth <no-reply@example.com>})
 * @param timeout  the most a send may wait on the server: bounds connecting, every read and write,
 *                 and the whole exchange
 */
public record SmtpSettings(String host, int port, String username, String password, Transport transport,
                           String from, Duration timeout) {

    /** The timeout when none is configured: no request waits longer on a silent SMTP server. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** How the connection to the SMTP server is secured. */
    public enum Transport {
        /**
         * Plain SMTP. STARTTLS is still used when the server offers it, without checking the
         * certificate: that only defeats passive listening, as between mail servers, and keeps a
         * local relay with a self-signed certificate working.
         */
        SMTP,
        /** STARTTLS is required and the server's certificate and host name are verified. */
        STARTTLS,
        /** TLS from the first byte (implicit TLS, usually port 465), certificate and host name verified. */
        SMTPS
    }

    public SmtpSettings {
        if (host == null || host.isBlank() || containsControlOrSpace(host)) {
            throw new IllegalArgumentException("host must be a host name or address, without spaces");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("username and password must be given together or not at all");
        }
        if (username != null && (username.isEmpty() || containsControl(username))) {
            throw new IllegalArgumentException("username must not be empty or contain control characters");
        }
        Objects.requireNonNull(transport, "transport");
        requireSingleAddress(from);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeout must be between 1 ms and about 24 days, was " + timeout);
        }
    }

    /** A server that needs no login, reached over plain SMTP: the development inbox, a local relay. */
    public static SmtpSettings unauthenticated(String host, int port, String from, Duration timeout) {
        return new SmtpSettings(host, port, null, null, Transport.SMTP, from, timeout);
    }

    /**
     * Checks a sender as the settings will, so that configuration can refuse it at the start.
     *
     * @throws IllegalArgumentException saying why {@code from} is not one address
     */
    public static void checkSender(String from) {
        requireSingleAddress(from);
    }

    /** The sender, parsed. */
    InternetAddress fromAddress() {
        return requireSingleAddress(from);
    }

    private static InternetAddress requireSingleAddress(String from) {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("from must be an email address");
        }
        if (containsControl(from)) {
            throw new IllegalArgumentException("from must not contain control characters");
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(from, true);
            if (parsed.length != 1) {
                throw new IllegalArgumentException("from must be exactly one address, was: " + from);
            }
            parsed[0].validate();
            return parsed[0];
        } catch (AddressException e) {
            throw new IllegalArgumentException("from is not a valid address (" + e.getMessage() + "): " + from, e);
        }
    }

    private static boolean containsControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }

    private static boolean containsControlOrSpace(String s) {
        return s.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c));
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username
                + ", password=" + (password == null ? "<none>" : "****") + ", transport=" + transport
                + ", from=" + from + ", timeout=" + timeout + "]";
    }
}
