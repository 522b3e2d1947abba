package dev.authbackbone.adapter.out.mail;

import static dev.authbackbone.adapter.out.mail.MailTestData.JANE;
import static dev.authbackbone.adapter.out.mail.MailTestData.aConfirmationLink;
import static dev.authbackbone.adapter.out.mail.MailTestData.aToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.authbackbone.adapter.out.mail.ScriptedSmtpServer.Behaviour;
import dev.authbackbone.domain.port.out.MailUnavailableException;
import dev.authbackbone.domain.token.OneTimeToken;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How SimpleJavaMailSender reads a transport that is down, silent, slow or refusing. */
class SmtpFailureTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private ScriptedSmtpServer server;
    private SimpleJavaMailSender sender;

    @BeforeEach
    void startServer() throws Exception {
        server = ScriptedSmtpServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (sender != null) {
            sender.close();
        }
        server.close();
    }

    private SimpleJavaMailSender senderTo(int port, SmtpSettings.Transport transport) {
        sender = new SimpleJavaMailSender(new SmtpSettings("127.0.0.1", port, null, null, transport,
                MailTestData.FROM, TIMEOUT), MailTestData.templates());
        return sender;
    }

    @Test
    void send_nothingListening_throwsMailUnavailable() throws Exception {
        SimpleJavaMailSender toNowhere = senderTo(MailTestData.aFreedPort(), SmtpSettings.Transport.SMTP);

        MailUnavailableException thrown = catchThrowableOfType(MailUnavailableException.class,
                () -> toNowhere.send(aConfirmationLink(JANE, aToken(21))));

        assertThat(thrown.getMessage()).contains("cannot connect");
        assertThat(thrown.retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(thrown).hasNoCause();
    }

    @Test
    void send_serverNeverAnswers_throwsWithinTheTimeout() {
        server.behave(Behaviour.SILENT);
        SimpleJavaMailSender toSilence = senderTo(server.port(), SmtpSettings.Transport.SMTP);

        long start = System.nanoTime();
        assertThatThrownBy(() -> toSilence.send(aConfirmationLink(JANE, aToken(22))))
                .isExactlyInstanceOf(MailUnavailableException.class)
                .hasNoCause();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void send_serverAnswersEveryStepJustInsideTheTimeout_stillEndsAtTheOverallDeadline() {
        // Each reply alone beats the 1 s socket timeout; the seven of them together would take 5.6 s.
        server.delayEveryReply(Duration.ofMillis(800));
        SimpleJavaMailSender toSlowServer = senderTo(server.port(), SmtpSettings.Transport.SMTP);

        long start = System.nanoTime();
        assertThatThrownBy(() -> toSlowServer.send(aConfirmationLink(JANE, aToken(23))))
                .isExactlyInstanceOf(MailUnavailableException.class)
                .hasMessageContaining("did not finish within 1000 ms");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isLessThan(Duration.ofMillis(3500));
    }

    @Test
    void send_recipientRefusedForGood_returnsNormallyAndLogsOnlyAMaskedAddress() {
        server.answerRcptWith("550 5.1.1 <jane.doe@example.com>: no such user");
        SimpleJavaMailSender toStrictServer = senderTo(server.port(), SmtpSettings.Transport.SMTP);
        OneTimeToken token = aToken(24);

        try (LogCapture log = LogCapture.of(SimpleJavaMailSender.class)) {
            toStrictServer.send(aConfirmationLink(JANE, token));

            assertThat(log.messages()).singleElement().asString()
                    .contains("j***@example.com")
                    .contains("550 5.1.1")
                    .doesNotContain("jane.doe")
                    .doesNotContain(token.reveal());
        }
        assertThat(server.messages()).isEmpty();
    }

    /**
     * A relay that stalls holds every pooled connection; a send behind them gives up after a second
     * instead of holding its caller (a request thread) for the whole timeout, and says it only waited.
     */
    @Test
    void send_everyConnectionStaysBusy_givesUpWithinASecondAsWaitingNotAsTheServersFailure() throws Exception {
        server.delayEveryReply(Duration.ofMillis(1_500));
        SimpleJavaMailSender onePooled = new SimpleJavaMailSender(new SmtpSettings("127.0.0.1", server.port(), null, null,
                SmtpSettings.Transport.SMTP, MailTestData.FROM, Duration.ofSeconds(8)), MailTestData.templates(), 1);
        sender = onePooled;
        Thread first = new Thread(() -> {
            try {
                onePooled.send(aConfirmationLink(JANE, aToken(40)));
            } catch (MailUnavailableException expected) {
                // the stalled send itself: not what this test is about
            }
        });
        first.start();
        Thread.sleep(200);

        long start = System.nanoTime();
        assertThatThrownBy(() -> onePooled.send(aConfirmationLink(JANE, aToken(41))))
                .isExactlyInstanceOf(MailUnavailableException.class)
                .hasMessageContaining("busy")
                .hasCauseExactlyInstanceOf(WaitedForAConnectionException.class);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofMillis(4_000));

        // The connection has now made no progress for over a second: the next send is refused at once.
        long again = System.nanoTime();
        assertThatThrownBy(() -> onePooled.send(aConfirmationLink(JANE, aToken(42))))
                .hasCauseExactlyInstanceOf(WaitedForAConnectionException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - again)).isLessThan(Duration.ofMillis(500));
        first.join(15_000);
        assertThat(server.mailFromCommands()).as("the abandoned sends never reached the server").isEqualTo(1);
    }

    /**
     * A healthy relay that takes its time with each mail (half a second here) keeps the connections
     * making progress: sends queued behind them wait their turn and go out, however long the queue
     * (a fixed one-second wait answered them 503: an outside probe).
     */
    @Test
    void send_slowButMovingRelay_queuedSendsWaitTheirTurnAndGoOut() throws Exception {
        server.delayEveryReply(Duration.ofMillis(120));
        SimpleJavaMailSender onePooled = new SimpleJavaMailSender(new SmtpSettings("127.0.0.1", server.port(), null, null,
                SmtpSettings.Transport.SMTP, MailTestData.FROM, Duration.ofSeconds(8)), MailTestData.templates(), 1);
        sender = onePooled;
        onePooled.send(aConfirmationLink(JANE, aToken(43)));
        int queued = 4;
        java.util.List<Thread> senders = new java.util.ArrayList<>();
        java.util.Queue<Throwable> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int i = 0; i < queued; i++) {
            int seed = 44 + i;
            Thread sending = new Thread(() -> {
                try {
                    onePooled.send(aConfirmationLink(JANE, aToken(seed)));
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            });
            senders.add(sending);
            sending.start();
        }
        for (Thread sending : senders) {
            sending.join(20_000);
        }

        assertThat(failures).isEmpty();
        assertThat(server.messages()).hasSize(1 + queued);
    }

    /** SPEC's list of the transport's failures has a 4xx to MAIL FROM, not a 5xx: 503, and the breaker is not told. */
    @Test
    void send_senderRefusedForGood_isUnavailableButNotTheTransportsFailure() {
        server.answerMailFromWith("554 5.7.1 sender rejected");
        SimpleJavaMailSender toStrictServer = senderTo(server.port(), SmtpSettings.Transport.SMTP);

        assertThatThrownBy(() -> toStrictServer.send(aConfirmationLink(JANE, aToken(50))))
                .isExactlyInstanceOf(MailUnavailableException.class)
                .hasMessageContaining("554 5.7.1")
                .hasCauseExactlyInstanceOf(SenderRejectedException.class);
    }

    /** SPEC counts a 5xx after the sender was accepted as the recipient's fate, not the transport's: 202, never counted. */
    @Test
    void send_mailRefusedForGoodAtTheEndOfData_returnsNormallyLikeARefusedRecipient() {
        server.answerEndOfDataWith("554 5.7.1 message refused for this recipient");
        SimpleJavaMailSender toStrictServer = senderTo(server.port(), SmtpSettings.Transport.SMTP);
        OneTimeToken token = aToken(26);

        try (LogCapture log = LogCapture.of(SimpleJavaMailSender.class)) {
            toStrictServer.send(aConfirmationLink(JANE, token));

            assertThat(log.messages()).singleElement().asString()
                    .contains("permanently refused")
                    .contains("554 5.7.1")
                    .contains("j***@example.com")
                    .doesNotContain("jane.doe");
        }
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void send_dataRefusedForGood_returnsNormallyLikeARefusedRecipient() {
        server.answerDataWith("554 5.7.1 not from you");
        SimpleJavaMailSender toStrictServer = senderTo(server.port(), SmtpSettings.Transport.SMTP);

        toStrictServer.send(aConfirmationLink(JANE, aToken(27)));

        assertThat(server.messages()).isEmpty();
    }

    @Test
    void send_mailRefusedForNowAtTheEndOfData_throwsMailUnavailableNotCounted() {
        server.answerEndOfDataWith("452 4.3.1 insufficient system storage");
        SimpleJavaMailSender toFullServer = senderTo(server.port(), SmtpSettings.Transport.SMTP);

        assertThatThrownBy(() -> toFullServer.send(aConfirmationLink(JANE, aToken(28))))
                .isExactlyInstanceOf(MailUnavailableException.class)
                .hasCauseExactlyInstanceOf(RecipientDeferredException.class);
    }

    @Test
    void send_recipientRefusedForNow_throwsMailUnavailable() {
        server.answerRcptWith("451 4.7.1 try later");
        SimpleJavaMailSender toBusyServer = senderTo(server.port(), SmtpSettings.Transport.SMTP);
        OneTimeToken token = aToken(25);

        try (LogCapture log = LogCapture.of(SimpleJavaMailSender.class)) {
            assertThatThrownBy(() -> toBusyServer.send(aConfirmationLink(JANE, token)))
                    .isExactlyInstanceOf(MailUnavailableException.class)
                    .hasMessageContaining("451 4.7.1 try later")
                    .hasCauseExactlyInstanceOf(RecipientDeferredException.class);

            assertThat(log.messages()).singleElement().asString()
                    .contains("j***@example.com")
                    .doesNotContain("jane.doe")
                    .doesNotContain(token.reveal());
        }
    }

    @Test
    void send_senderRefusedForNow_isTheTransportsFailureNotTheRecipients() {
        // A 4xx to MAIL FROM refuses every mail, whoever it is for: the relay is unavailable.
        server.answerMailFromWith("451 4.3.0 try later");
        SimpleJavaMailSender toBusyServer = senderTo(server.port(), SmtpSettings.Transport.SMTP);
        OneTimeToken token = aToken(30);

        try (LogCapture log = LogCapture.of(SimpleJavaMailSender.class)) {
            assertThatThrownBy(() -> toBusyServer.send(aConfirmationLink(JANE, token)))
                    .isExactlyInstanceOf(MailUnavailableException.class)
                    .hasMessageContaining("refused the sender")
                    .hasMessageContaining("451 4.3.0 try later")
                    .hasNoCause();

            assertThat(log.messages()).singleElement().asString()
                    .contains("j***@example.com")
                    .contains("refused the sender for now (451 4.3.0 try later)")
                    .doesNotContain("recipient")
                    .doesNotContain("jane.doe")
                    .doesNotContain(token.reveal());
        }
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void send_greetingDeferredWithout421_throwsMailUnavailableAsTheTransports() {
        server.greetWith("450 4.3.2 not now");
        SimpleJavaMailSender toBusyServer = senderTo(server.port(), SmtpSettings.Transport.SMTP);

        assertThatThrownBy(() -> toBusyServer.send(aConfirmationLink(JANE, aToken(32))))
                .isExactlyInstanceOf(MailUnavailableException.class)
                .hasNoCause();
    }

    @Test
    void send_greetingRefusesForNow_throwsMailUnavailable() {
        server.greetWith("421 4.3.2 too busy, come back later");
        SimpleJavaMailSender toBusyServer = senderTo(server.port(), SmtpSettings.Transport.SMTP);

        assertThatThrownBy(() -> toBusyServer.send(aConfirmationLink(JANE, aToken(26))))
                .isExactlyInstanceOf(MailUnavailableException.class)
                .hasNoCause();
    }

    @Test
    void send_starttlsRequiredButNotOffered_throwsMailUnavailable() {
        SimpleJavaMailSender requiringTls = senderTo(server.port(), SmtpSettings.Transport.STARTTLS);

        assertThatThrownBy(() -> requiringTls.send(aConfirmationLink(JANE, aToken(27))))
                .isExactlyInstanceOf(MailUnavailableException.class)
                .hasNoCause();
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void send_implicitTlsAgainstAPlainServer_throwsMailUnavailable() {
        SimpleJavaMailSender speakingTls = senderTo(server.port(), SmtpSettings.Transport.SMTPS);

        assertThatThrownBy(() -> speakingTls.send(aConfirmationLink(JANE, aToken(28))))
                .isExactlyInstanceOf(MailUnavailableException.class)
                .hasNoCause();
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void send_serverAcceptsEverything_mailArrives() throws Exception {
        SimpleJavaMailSender toServer = senderTo(server.port(), SmtpSettings.Transport.SMTP);
        OneTimeToken token = aToken(29);

        toServer.send(aConfirmationLink(JANE, token));

        assertThat(server.messages()).hasSize(1);
        MimeMessage received = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(server.messages().get(0).getBytes(StandardCharsets.US_ASCII)));
        assertThat(received.getSubject()).isEqualTo("Confirm your email address");
        assertThat(SimpleJavaMailSenderTest.part(received, "text/plain")).contains("token=" + token.reveal());
    }
}
