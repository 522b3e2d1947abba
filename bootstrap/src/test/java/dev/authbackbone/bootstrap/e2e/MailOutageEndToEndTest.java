package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.authbackbone.adapter.out.mail.BreakerSettings;
import dev.authbackbone.adapter.out.mail.SimpleJavaMailSender;
import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * SMTP down, back, silent, or refusing the sender: 503 with Retry-After, no usable token left, no
 * quota used, no hang, and the breaker opened by whatever the transport's failure looks like.
 */
@OnEveryDatabase
class MailOutageEndToEndTest {

    @Parameter
    TestDatabase database;

    @Test
    void smtpStopped_is503WithRetryAfterAndLeavesNoToken_thenRecovers() throws Exception {
        try (TestServer server = TestServer.start(database)) {
            String alice = TestServer.accessToken(server.openAccount("alice@example.com"));
            int smtpPort = server.smtp.getSmtp().getPort();
            server.smtp.stop();

            for (int i = 0; i < 8; i++) {
                Answer answer = request(server, alice);
                assertThat(answer.status()).isEqualTo(503);
                assertThat(Integer.parseInt(answer.header("Retry-After"))).isPositive();
                assertThat(answer.json().get("detail").isTextual()).isTrue();
            }
            assertThat(server.usableTokens()).isZero();
            assertThat(server.count("select count(*) from email_request")).isZero();

            GreenMail back = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
            back.start();
            try {
                int accepted = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (accepted == 0 && System.nanoTime() < deadline) {
                    accepted = request(server, alice).status() == 202 ? 1 : 0;
                    Thread.sleep(200);
                }
                assertThat(accepted).as("202 once the breaker lets a probe through").isEqualTo(1);
                // None of the 503s used quota: the full allowance of 3 remains for this address.
                assertThat(request(server, alice).status()).isEqualTo(202);
                assertThat(request(server, alice).status()).isEqualTo(202);
                assertThat(request(server, alice).status()).isEqualTo(429);
                assertThat(back.getReceivedMessages()).hasSize(3);
            } finally {
                back.stop();
            }
        }
    }

    @Test
    void smtpBackAfterFailuresShortOfOpening_theFirst202IsFollowedByTheWholeQuota() throws Exception {
        try (TestServer server = TestServer.start(database)) {
            String alice = TestServer.accessToken(server.openAccount("alice@example.com"));
            int smtpPort = server.smtp.getSmtp().getPort();
            server.smtp.stop();
            for (int i = 0; i < 4; i++) {
                assertThat(request(server, alice).status()).isEqualTo(503);
            }

            GreenMail back = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
            back.start();
            try {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    statuses.add(request(server, alice).status());
                }
                // A success must never open the breaker, however many failures came before it.
                assertThat(statuses).containsExactly(202, 202, 202, 429);
                assertThat(back.getReceivedMessages()).hasSize(3);
            } finally {
                back.stop();
            }
        }
    }

    @Test
    void smtpThatNeverAnswers_is503WithinTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept());
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            try (TestServer server = TestServer.start(database, Map.of(
                    "AUTH_SMTP_PORT", String.valueOf(silent.getLocalPort()), "AUTH_SMTP_TIMEOUT", "1s"))) {
                String alice = TestServer.accessToken(server.openAccount("alice@example.com"));

                long started = System.nanoTime();
                Answer answer = request(server, alice);
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(answer.status()).isEqualTo(503);
                assertThat(answer.header("Retry-After")).isNotNull();
                assertThat(took).isLessThan(Duration.ofSeconds(4));
                assertThat(server.usableTokens()).isZero();
            }
        }
    }

    @Test
    void relayRefusingEverySenderForNow_opensTheBreaker_thenRequestsAre503WithoutReachingIt() throws Exception {
        try (ScriptedSmtp relay = ScriptedSmtp.refusingSender("451 try later");
             TestServer server = TestServer.start(database, Map.of("AUTH_SMTP_PORT", String.valueOf(relay.port()),
                     // Long enough that no half-open probe reaches the relay while the test looks.
                     "AUTH_SMTP_BREAKER_WAIT", "60s"));
             ExpectedLog log = ExpectedLog.of(SimpleJavaMailSender.class.getName())) {
            for (int i = 0; i < BreakerSettings.DEFAULT_FAILURES_IN_A_ROW; i++) {
                Answer answer = magicLink(server, "person" + i + "@example.com");
                assertThat(answer.status()).as("request %d", i).isEqualTo(503);
                assertThat(answer.json().get("detail").isTextual()).isTrue();
            }
            assertThat(relay.mailFroms()).isEqualTo(BreakerSettings.DEFAULT_FAILURES_IN_A_ROW);

            Answer ready = server.get("/health/ready", null);
            assertThat(ready.json().at("/components/mail/breaker").asText()).isEqualTo("OPEN");
            for (int i = 0; i < 10; i++) {
                Answer answer = magicLink(server, "later" + i + "@example.com");
                assertThat(answer.status()).isEqualTo(503);
                assertThat(Integer.parseInt(answer.header("Retry-After"))).as("the breaker's wait").isGreaterThan(5);
            }
            assertThat(relay.mailFroms()).as("no MAIL FROM while the breaker is open")
                    .isEqualTo(BreakerSettings.DEFAULT_FAILURES_IN_A_ROW);

            List<String> lines = log.events().stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).hasSize(BreakerSettings.DEFAULT_FAILURES_IN_A_ROW)
                    .allSatisfy(line -> assertThat(line)
                            .contains("refused the sender for now (451 try later)")
                            .doesNotContain("recipient")
                            .doesNotContain("person"));
        }
    }

    private static Answer magicLink(TestServer server, String email) {
        return server.postJson("/api/auth/magic-link", "{\"email\":\"" + email + "\"}");
    }

    private static Answer request(TestServer server, String bearer) {
        return server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"outage@example.com\"}", bearer);
    }
}
