package dev.authbackbone.adapter.out.mail;

import static dev.authbackbone.adapter.out.mail.MailTestData.JANE;
import static dev.authbackbone.adapter.out.mail.MailTestData.aConfirmationLink;
import static dev.authbackbone.adapter.out.mail.MailTestData.aSignInLink;
import static dev.authbackbone.adapter.out.mail.MailTestData.aToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.token.OneTimeToken;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real SMTP against GreenMail on a loopback port chosen by the system. */
class SimpleJavaMailSenderTest {

    @RegisterExtension
    static final GreenMailExtension greenMail =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private SimpleJavaMailSender sender;

    @BeforeEach
    void startSender() {
        sender = new SimpleJavaMailSender(
                MailTestData.smtpAt("127.0.0.1", greenMail.getSmtp().getPort(), Duration.ofSeconds(5)),
                MailTestData.templates());
    }

    @AfterEach
    void closeSender() {
        sender.close();
    }

    @Test
    void sender_namesTheStreamProvider_soJakartaMailSkipsItsServiceLoaderScanPerPart() {
        // Without the property every body part, multipart and header block scanned the class path's
        // service files again (39 % of the server's allocation in the profile).
        assertThat(System.getProperty(SimpleJavaMailSender.STREAM_PROVIDER_PROPERTY))
                .isEqualTo(SimpleJavaMailSender.ANGUS_STREAM_PROVIDER);
        assertThat(jakarta.mail.util.StreamProvider.provider().getClass().getName())
                .isEqualTo(SimpleJavaMailSender.ANGUS_STREAM_PROVIDER);
    }

    @Test
    void send_confirmationLink_arrivesWithTextAndHtmlPartsLinkAndExpiry() throws Exception {
        OneTimeToken token = aToken(11);
        String link = "https://auth.example.test/auth/confirm-email?token=" + token.reveal();

        sender.send(aConfirmationLink(JANE, token));

        MimeMessage received = onlyMessage();
        assertThat(received.getSubject()).isEqualTo("Confirm your email address");
        assertThat(received.getRecipients(Message.RecipientType.TO))
                .extracting(a -> ((InternetAddress) a).getAddress()).containsExactly("jane.doe@example.com");
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("no-reply@auth.example.test");
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        String text = part(received, "text/plain");
        String html = part(received, "text/html");
        assertThat(text).contains(link).contains("in 24 hours (2 March 2026 at 09:30 UTC)");
        assertThat(html).contains("href=\"" + link + "\"").contains("in 24 hours (2 March 2026 at 09:30 UTC)");
    }

    @Test
    void send_signInLink_arrivesWithItsLink() throws Exception {
        OneTimeToken token = aToken(12);

        sender.send(aSignInLink(JANE, token));

        MimeMessage received = onlyMessage();
        assertThat(received.getSubject()).isEqualTo("Your sign-in link");
        assertThat(part(received, "text/plain"))
                .contains("https://auth.example.test/auth/magic-link?token=" + token.reveal())
                .contains("in 15 minutes");
        assertThat(part(received, "text/html")).contains("https://auth.example.test/auth/magic-link?token=" + token.reveal());
    }

    @Test
    void send_notices_arriveWithoutAnyLinkOrToken() throws Exception {
        sender.send(new Mail.AlreadyLinkedNotice(JANE));
        sender.send(new Mail.AccountDisabledNotice(JANE));

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getSubject()).isEqualTo("Someone tried to link your email address");
        assertThat(received[1].getSubject()).isEqualTo("Sign-in request for a disabled account");
        for (MimeMessage message : received) {
            assertThat(part(message, "text/plain")).doesNotContain("http").doesNotContain("token");
            assertThat(part(message, "text/html")).doesNotContain("http").doesNotContain("href");
        }
    }

    @Test
    void send_idnRecipient_deliveredToTheAsciiDomain() throws Exception {
        EmailAddress idn = EmailAddress.parse("joerg@bücher.example");

        sender.send(aConfirmationLink(idn, aToken(13)));

        MimeMessage received = onlyMessage();
        assertThat(received.getRecipients(Message.RecipientType.TO))
                .extracting(a -> ((InternetAddress) a).getAddress()).containsExactly("joerg@xn--bcher-kva.example");
        assertThat(greenMail.getReceivedMessagesForDomain("xn--bcher-kva.example")).hasSize(1);
        assertThat(part(received, "text/plain")).contains("joerg@bücher.example");
    }

    private static MimeMessage onlyMessage() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    /** The body of the single part of {@code mimeType}, which must exist. */
    static String part(Part message, String mimeType) throws Exception {
        assertThat(message.isMimeType("multipart/*")).as("multipart").isTrue();
        String found = find(message, mimeType);
        assertThat(found).as(mimeType + " part").isNotNull();
        return found;
    }

    private static String find(Part part, String mimeType) throws Exception {
        if (part.isMimeType(mimeType)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = find(multipart.getBodyPart(i), mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
