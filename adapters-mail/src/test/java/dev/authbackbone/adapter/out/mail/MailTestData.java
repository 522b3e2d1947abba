package dev.authbackbone.adapter.out.mail;

import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.testing.MutableClock;
import dev.authbackbone.domain.testing.SeededRandomSource;
import dev.authbackbone.domain.token.OneTimeCode;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Fixed mails, tokens and settings for the mail adapter's tests. */
final class MailTestData {

    static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");
    static final String BASE_URL = "https://auth.example.test";
    static final String FROM = "Auth Backbone <no-reply@auth.example.test>";
    static final EmailAddress JANE = EmailAddress.parse("jane.doe@example.com");

    private MailTestData() {}

    static Clock clock() {
        return new MutableClock(NOW);
    }

    static OneTimeToken aToken(long seed) {
        return OneTimeToken.generate(new SeededRandomSource(seed));
    }

    /** The primary address of the account that asks for confirmations in these tests. */
    static final EmailAddress REQUESTER = EmailAddress.parse("alice@example.com");

    /** The same code every time: a mail's code is drawn from the mail's own random source in production. */
    static OneTimeCode aCode() {
        return OneTimeCode.generate(new SeededRandomSource(8));
    }

    static LinkTemplates links() {
        return LinkTemplates.underBaseUrl(BASE_URL);
    }

    static MailTemplates templates() {
        return new MailTemplates(links(), clock());
    }

    static Mail.ConfirmationLink aConfirmationLink(EmailAddress to, OneTimeToken token) {
        return new Mail.ConfirmationLink(to, token, aCode(), NOW.plus(Duration.ofHours(24)), REQUESTER);
    }

    static Mail.SignInLink aSignInLink(EmailAddress to, OneTimeToken token) {
        return new Mail.SignInLink(to, token, aCode(), NOW.plus(Duration.ofMinutes(15)));
    }

    static SmtpSettings smtpAt(String host, int port, Duration timeout) {
        return SmtpSettings.unauthenticated(host, port, FROM, timeout);
    }

    /** A loopback port that nothing listens on: the system handed it out and it was freed again. */
    static int aFreedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
