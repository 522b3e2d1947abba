package dev.authbackbone.adapter.out.mail;

import static dev.authbackbone.adapter.out.mail.MailTestData.JANE;
import static dev.authbackbone.adapter.out.mail.MailTestData.aSignInLink;
import static dev.authbackbone.adapter.out.mail.MailTestData.aToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authbackbone.domain.port.out.MailUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A relay that offers AUTH but no STARTTLS, as a man in the middle stripping STARTTLS would look:
 * with TLS required the password never leaves the client; only a chosen plain {@code smtp} sends it.
 */
class SmtpTransportSecurityTest {

    private static final String PASSWORD = "relay-password-7f3a";

    @Test
    void starttls_serverWithoutStartTls_failsWithoutSendingTheLogin() throws Exception {
        try (ScriptedSmtpServer relay = ScriptedSmtpServer.start().offerAuthWithoutStartTls();
             SimpleJavaMailSender sender = senderTo(relay, SmtpSettings.Transport.STARTTLS)) {

            assertThatThrownBy(() -> sender.send(aSignInLink(JANE, aToken(1))))
                    .isInstanceOf(MailUnavailableException.class);

            assertThat(relay.connections()).isGreaterThanOrEqualTo(1);
            assertThat(relay.commands()).isNotEmpty()
                    .noneMatch(line -> line.toUpperCase().startsWith("AUTH"))
                    .noneMatch(line -> line.contains(base64(PASSWORD)))
                    .noneMatch(line -> line.toUpperCase().startsWith("MAIL FROM"));
            assertThat(relay.messages()).isEmpty();
        }
    }

    @Test
    void smtps_plainServer_failsWithoutSendingTheLogin() throws Exception {
        try (ScriptedSmtpServer relay = ScriptedSmtpServer.start().offerAuthWithoutStartTls();
             SimpleJavaMailSender sender = senderTo(relay, SmtpSettings.Transport.SMTPS)) {

            assertThatThrownBy(() -> sender.send(aSignInLink(JANE, aToken(2))))
                    .isInstanceOf(MailUnavailableException.class);

            assertThat(relay.commands()).noneMatch(line -> line.toUpperCase().startsWith("AUTH"));
        }
    }

    /** What every transport did before TLS became the default: only when plain SMTP is chosen now. */
    @Test
    void smtpChosen_serverWithoutStartTls_sendsTheLoginInClear() throws Exception {
        try (ScriptedSmtpServer relay = ScriptedSmtpServer.start().offerAuthWithoutStartTls();
             SimpleJavaMailSender sender = senderTo(relay, SmtpSettings.Transport.SMTP)) {

            sender.send(aSignInLink(JANE, aToken(3)));

            assertThat(relay.commands()).anyMatch(line -> line.toUpperCase().startsWith("AUTH"));
            assertThat(relay.messages()).hasSize(1);
        }
    }

    private static SimpleJavaMailSender senderTo(ScriptedSmtpServer relay, SmtpSettings.Transport transport) {
        return new SimpleJavaMailSender(new SmtpSettings(relay.host(), relay.port(), "relay-user", PASSWORD, transport,
                "Auth <no-reply@auth.example.test>", Duration.ofSeconds(3)), MailTestData.templates(), 1);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
