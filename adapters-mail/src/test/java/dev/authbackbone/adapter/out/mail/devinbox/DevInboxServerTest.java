package dev.authbackbone.adapter.out.mail.devinbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authbackbone.adapter.out.mail.LinkTemplates;
import dev.authbackbone.adapter.out.mail.MailTemplates;
import dev.authbackbone.adapter.out.mail.SimpleJavaMailSender;
import dev.authbackbone.adapter.out.mail.SmtpSettings;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.adapter.out.mail.devinbox.DevInboxServer.CapturedMail;
import dev.authbackbone.domain.port.out.MailUnavailableException;
import dev.authbackbone.domain.testing.MutableClock;
import dev.authbackbone.domain.testing.SeededRandomSource;
import dev.authbackbone.domain.token.OneTimeCode;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DevInboxServerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");
    private static final EmailAddress JANE = EmailAddress.parse("jane.doe@example.com");

    private final MutableClock clock = new MutableClock(NOW);
    private DevInboxServer inbox;
    private SimpleJavaMailSender sender;

    private void start(int capacity) {
        inbox = DevInboxServer.start(capacity, clock);
        sender = new SimpleJavaMailSender(
                SmtpSettings.unauthenticated(inbox.host(), inbox.port(), "Auth Backbone <no-reply@localhost.test>",
                        Duration.ofSeconds(5)),
                new MailTemplates(LinkTemplates.underBaseUrl("http://127.0.0.1:8080"), clock));
    }

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.close();
        }
        if (inbox != null) {
            inbox.close();
        }
    }

    @Test
    void start_loopbackWithASystemChosenPort_readsTheRealPortBack() {
        start(DevInboxServer.DEFAULT_CAPACITY);

        assertThat(inbox.host()).isEqualTo("127.0.0.1");
        assertThat(inbox.port()).isPositive();
        assertThat(inbox.newestFirst()).isEmpty();
    }

    @Test
    void newestFirst_mailSentThroughTheSmtpSender_showsUpWithItsLink() {
        start(DevInboxServer.DEFAULT_CAPACITY);
        OneTimeToken token = OneTimeToken.generate(new SeededRandomSource(41));

        sender.send(new Mail.ConfirmationLink(JANE, token, OneTimeCode.generate(new SeededRandomSource(3)), NOW.plus(Duration.ofHours(24)),
                EmailAddress.parse("alice@example.com")));

        assertThat(inbox.newestFirst()).singleElement().satisfies(mail -> {
            assertThat(mail.from()).isEqualTo("Auth Backbone <no-reply@localhost.test>");
            assertThat(mail.to()).containsExactly("jane.doe@example.com");
            assertThat(mail.subject()).isEqualTo("Confirm your email address");
            assertThat(mail.text()).contains("expires in 24 hours").doesNotContain("\r");
            assertThat(mail.receivedAt()).isEqualTo(NOW);
            assertThat(mail.links()).containsExactly("http://127.0.0.1:8080/auth/confirm-email?token=" + token.reveal());
        });
    }

    @Test
    void newestFirst_moreMailsThanCapacity_keepsTheMostRecentNewestFirst() {
        start(2);
        OneTimeToken token = OneTimeToken.generate(new SeededRandomSource(42));

        sender.send(new Mail.AlreadyLinkedNotice(JANE));
        clock.advance(Duration.ofSeconds(1));
        sender.send(new Mail.SignInLink(JANE, token, OneTimeCode.generate(new SeededRandomSource(3)), NOW.plus(Duration.ofMinutes(15))));
        clock.advance(Duration.ofSeconds(1));
        sender.send(new Mail.AccountDisabledNotice(JANE));

        List<CapturedMail> mails = inbox.newestFirst();
        assertThat(mails).extracting(CapturedMail::subject)
                .containsExactly("Sign-in request for a disabled account", "Your sign-in link");
        assertThat(mails).extracting(CapturedMail::receivedAt)
                .containsExactly(NOW.plusSeconds(2), NOW.plusSeconds(1));
        assertThat(mails.get(0).links()).isEmpty();
    }

    @Test
    void close_stopsTheSmtpServer_sendingFailsAsUnavailable() {
        start(DevInboxServer.DEFAULT_CAPACITY);

        inbox.close();

        assertThatThrownBy(() -> sender.send(new Mail.AlreadyLinkedNotice(JANE)))
                .isExactlyInstanceOf(MailUnavailableException.class);
    }

    @Test
    void links_textWithPunctuationAndSeveralLinks_findsEachOnceWithoutTrailingPunctuation() {
        String text = "Open https://a.example/x?token=abc-_1. Or (http://b.example/y), again https://a.example/x?token=abc-_1!";

        assertThat(DevInboxServer.links(text))
                .containsExactly("https://a.example/x?token=abc-_1", "http://b.example/y");
    }
}
