package dev.authbackbone.bootstrap.e2e;

import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Readiness checks mail on its own, with no request traffic, and fails only while the database does
 * not answer: mail down is 200 DEGRADED, so a load balancer keeps the instance.
 */
class ReadinessEndToEndTest {

    private static final Duration AT_MOST = Duration.ofSeconds(30);

    @Test
    @Timeout(90)
    void noTraffic_mailReportedDownWithin30sOfSmtpStopping_andUpWithin30sOfItsReturn() throws Exception {
        try (TestServer server = TestServer.start(TestDatabase.H2, Map.of("AUTH_MAIL_HEALTH_INTERVAL", "1s"))) {
            Answer up = await(server, ready -> ready.json().at("/components/mail/probe").asText().equals("UP"));
            assertThat(up.status()).isEqualTo(200);
            assertThat(up.json().at("/status").asText()).isEqualTo("UP");

            int smtpPort = server.smtp.getSmtp().getPort();
            long stopped = System.nanoTime();
            server.smtp.stop();
            Answer down = await(server, ready -> ready.json().at("/components/mail/status").asText().equals("DOWN"));
            Duration noticed = Duration.ofNanos(System.nanoTime() - stopped);
            assertThat(down.status()).isEqualTo(200);
            JsonNode body = down.json();
            assertThat(body.at("/status").asText()).isEqualTo("DEGRADED");
            assertThat(body.at("/components/database/status").asText()).isEqualTo("UP");
            assertThat(body.at("/components/mail/probe").asText()).isEqualTo("DOWN");
            assertThat(body.at("/components/mail/breaker").asText()).as("no request has failed").isEqualTo("CLOSED");
            assertThat(down.body()).doesNotContain(String.valueOf(smtpPort));

            GreenMail back = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
            back.start();
            try {
                long returned = System.nanoTime();
                Answer again = await(server, ready -> ready.json().at("/components/mail/status").asText().equals("UP"));
                Duration recovered = Duration.ofNanos(System.nanoTime() - returned);
                assertThat(again.status()).isEqualTo(200);
                assertThat(again.json().at("/status").asText()).isEqualTo("UP");
                System.out.println("ReadinessEndToEndTest: mail DOWN after " + noticed.toMillis() + " ms, UP again after "
                        + recovered.toMillis() + " ms");
                assertThat(back.getReceivedMessages()).as("a check sends no mail").isEmpty();
            } finally {
                back.stop();
            }
        }
    }

    @Test
    @Timeout(90)
    void databaseUnreachable_readinessIs503_andBackTo200() throws Exception {
        assumeTrue(TestDatabase.AVAILABLE.contains(TestDatabase.POSTGRESQL), "needs AUTH_TEST_POSTGRES_URL");
        try (ServerBehindProxy behind = ServerBehindProxy.start("500ms")) {
            TestServer server = behind.server;
            TcpProxy proxy = behind.proxy;
            assertThat(server.get("/health/ready", null).status()).isEqualTo(200);

            proxy.cut();

            Answer cut = await(server, ready -> ready.status() == 503);
            assertThat(cut.json().at("/status").asText()).isEqualTo("DOWN");
            assertThat(cut.json().at("/components/database/status").asText()).isEqualTo("DOWN");
            assertThat(cut.json().at("/components/mail/status").asText()).isEqualTo("UP");
            assertThat(server.get("/health/live", null).status()).isEqualTo(200);

            proxy.restore();

            Answer restored = await(server, ready -> ready.status() == 200);
            assertThat(restored.json().at("/status").asText()).isEqualTo("UP");
        }
    }

    /** Polls readiness until {@code condition} holds, for at most 30 s, and returns the answer that met it. */
    private static Answer await(TestServer server, Predicate<Answer> condition) throws InterruptedException {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        Answer answer = server.get("/health/ready", null);
        while (!condition.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            answer = server.get("/health/ready", null);
        }
        assertThat(condition.test(answer)).as("within %s: %s", AT_MOST, answer.body()).isTrue();
        return answer;
    }
}
