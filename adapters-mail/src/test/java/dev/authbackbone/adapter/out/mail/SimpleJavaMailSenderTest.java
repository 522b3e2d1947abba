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
import jakarta.mail.internet.MimePart;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.simplejavamail.api.email.ContentTransferEncoding;

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
        // The Unicode address in the body is not 7bit data: the mail keeps quoted-printable.
        assertThat(transferEncodings(received)).containsExactly("quoted-printable", "quoted-printable");
    }

    @Test
    void send_asciiMail_travelsAs7bitAndReadsTheSame() throws Exception {
        OneTimeToken token = aToken(14);

        sender.send(aConfirmationLink(JANE, token));

        MimeMessage received = onlyMessage();
        assertThat(transferEncodings(received)).containsExactly("7bit", "7bit");
        String link = "https://auth.example.test/auth/confirm-email?token=" + token.reveal();
        assertThat(part(received, "text/plain")).contains(link).doesNotContain("=3D").doesNotContain("=\r\n");
        assertThat(part(received, "text/html")).contains("href=\"" + link + "\"");
    }

    @Test
    void isSevenBitSafe_onlyShortAsciiLinesWithoutNulOrBareCarriageReturn() {
        assertThat(SimpleJavaMailSender.isSevenBitSafe("Hello,\r\nconfirm: https://x.test/?token=abc\n")).isTrue();
        assertThat(SimpleJavaMailSender.isSevenBitSafe("x".repeat(998) + "\n" + "y".repeat(998))).isTrue();
        assertThat(SimpleJavaMailSender.isSevenBitSafe("x".repeat(999))).isFalse();
        assertThat(SimpleJavaMailSender.isSevenBitSafe("joerg@bücher.example")).isFalse();
        assertThat(SimpleJavaMailSender.isSevenBitSafe("a\u0000b")).isFalse();
        assertThat(SimpleJavaMailSender.isSevenBitSafe("a\rb")).isFalse();
        assertThat(SimpleJavaMailSender.isSevenBitSafe("a\r")).isFalse();
    }

    @Test
    void transferEncodingOf_fallsBackToQuotedPrintableWhenEitherBodyIsNot7bit() {
        assertThat(SimpleJavaMailSender.transferEncodingOf(new RenderedMail("s", "plain", "<p>html</p>")))
                .isEqualTo(ContentTransferEncoding.BIT7);
        assertThat(SimpleJavaMailSender.transferEncodingOf(new RenderedMail("s", "plain", "<p>h\u00e9</p>")))
                .isEqualTo(ContentTransferEncoding.QUOTED_PRINTABLE);
        assertThat(SimpleJavaMailSender.transferEncodingOf(new RenderedMail("s", "x".repeat(1000), "<p>html</p>")))
                .isEqualTo(ContentTransferEncoding.QUOTED_PRINTABLE);
    }

    /** The Content-Transfer-Encoding of each leaf part, in order. */
    private static List<String> transferEncodings(Part message) throws Exception {
        List<String> found = new ArrayList<>();
        for (Part leaf : leaves(message)) {
            found.add(((MimePart) leaf).getEncoding());
        }
        return found;
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
        for (Part leaf : leaves(part)) {
            if (leaf.isMimeType(mimeType)) {
                return (String) leaf.getContent();
            }
        }
        return null;
    }

    /** The parts of {@code part} that are not multiparts themselves, depth first, in order. */
    private static List<Part> leaves(Part part) throws Exception {
        List<Part> found = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                found.addAll(leaves(multipart.getBodyPart(i)));
            }
        } else {
            found.add(part);
        }
        return found;
    }
}
