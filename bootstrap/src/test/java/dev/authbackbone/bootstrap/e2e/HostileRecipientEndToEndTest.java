package dev.authbackbone.bootstrap.e2e;

import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Anyone may ask for a sign-in link to any address: a relay that defers one domain must cost only
 * the requests for that domain, never open the circuit breaker for everyone.
 */
class HostileRecipientEndToEndTest {

    @Test
    void relayDefersOneDomain_thoseRequestsAre503_theBreakerStaysClosedAndOthersGet202() throws Exception {
        try (ScriptedSmtp relay = ScriptedSmtp.deferring("tempfail.test", "450 4.1.2 <x@tempfail.test>: Recipient address rejected: Domain not found");
             TestServer server = TestServer.start(TestDatabase.H2, Map.of("AUTH_SMTP_PORT", String.valueOf(relay.port())))) {
            for (int i = 0; i < 10; i++) {
                Answer answer = server.postJson("/api/auth/magic-link", "{\"email\":\"victim" + i + "@tempfail.test\"}");
                assertThat(answer.status()).as("request %d", i).isEqualTo(503);
                assertThat(Integer.parseInt(answer.header("Retry-After"))).isPositive();
            }
            assertThat(relay.deferred()).as("each request reached the relay: the breaker never opened").isEqualTo(10);

            assertThat(server.postJson("/api/auth/magic-link", "{\"email\":\"ada@example.com\"}").status()).isEqualTo(202);
            assertThat(relay.accepted()).isEqualTo(1);

            Answer ready = server.get("/health/ready", null);
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().at("/status").asText()).isEqualTo("UP");
            assertThat(ready.json().at("/components/mail/status").asText()).isEqualTo("UP");
            assertThat(ready.json().at("/components/mail/breaker").asText()).isEqualTo("CLOSED");
        }
    }

    /**
     * The attack (a third probe): 60 sign-in requests at once from one client for a domain whose
     * mails the relay answers slowly. Behind the pooled connections every request waited for one for
     * the whole SMTP timeout, holding a request thread: all 48 were taken, so {@code /health/live}
     * took as long for everyone else, and requests queued for a thread were closed unanswered. A send
     * now waits for a connection at most a second: those requests get 503 at once.
     */
    @Test
    void relayStallsOneDomain_aBurstBeyondTheRequestThreads_isAnsweredQuickly_andLivenessStaysPrompt() throws Exception {
        try (ScriptedSmtp relay = ScriptedSmtp.acceptingSlowly("stall.test", Duration.ofSeconds(6));
             TestServer server = TestServer.start(TestDatabase.H2, Map.of("AUTH_SMTP_PORT", String.valueOf(relay.port()),
                     "AUTH_SMTP_TIMEOUT", "8s", "AUTH_SMTP_POOL_SIZE", "2"))) {
            ExecutorService attacker = Executors.newSingleThreadExecutor();
            try {
                Future<List<Integer>> burst = attacker.submit(() -> Race.run(60, i -> server.postJson("/api/auth/magic-link",
                        "{\"email\":\"y" + i + "@stall.test\"}").status()));
                Thread.sleep(1_500);

                long start = System.nanoTime();
                Answer live = server.get("/health/live", null);
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(live.status()).isEqualTo(200);
                assertThat(took).as("liveness while the burst waits on the relay").isLessThan(Duration.ofSeconds(3));
                List<Integer> statuses = burst.get(60, TimeUnit.SECONDS);
                assertThat(statuses).as("every request answered").hasSize(60).containsOnly(202, 503);
                assertThat(statuses.stream().filter(status -> status == 503).count()).isGreaterThanOrEqualTo(50);
            } finally {
                attacker.shutdownNow();
            }
            Answer ready = server.get("/health/ready", null);
            assertThat(ready.json().at("/components/mail/breaker").asText()).as(ready.body()).isEqualTo("CLOSED");
        }
    }

    /**
     * The attack (a third probe): five requests for a domain whose mails the relay refuses at the end
     * of DATA (554). Each was counted as the transport's failure, so the breaker opened and everyone
     * got 503 for 30 s; SPEC counts only the transport's failures, and a 5xx answers 202.
     */
    @Test
    void relayRefusesOneDomainsMailsAtTheEndOfData_thoseAre202_theBreakerStaysClosedAndOthersGet202() throws Exception {
        try (ScriptedSmtp relay = ScriptedSmtp.refusingDataFor("evil.test", "554 5.7.1 message refused for this recipient");
             TestServer server = TestServer.start(TestDatabase.H2, Map.of("AUTH_SMTP_PORT", String.valueOf(relay.port())))) {
            for (int i = 0; i < 8; i++) {
                Answer answer = server.postJson("/api/auth/magic-link", "{\"email\":\"y" + i + "@evil.test\"}");
                assertThat(answer.status()).as("request %d: %s", i, answer.body()).isEqualTo(202);
            }
            assertThat(relay.deferred()).as("each request reached the relay: the breaker never opened").isEqualTo(8);

            assertThat(server.postJson("/api/auth/magic-link", "{\"email\":\"victim@example.com\"}").status()).isEqualTo(202);
            assertThat(relay.accepted()).isEqualTo(1);
            Answer ready = server.get("/health/ready", null);
            assertThat(ready.json().at("/components/mail/breaker").asText()).as(ready.body()).isEqualTo("CLOSED");
        }
    }

    /**
     * The attack: a burst of requests for a domain the relay refuses slowly (it asks a name server
     * the attacker runs). The refusals themselves were not counted, but the requests queued behind
     * them ran out of time waiting for a connection, and those were: the breaker opened, and
     * everyone got 503 for the next 30 s.
     */
    @Test
    void relayDefersOneDomainSlowly_aBurstForItQueuesBehindTheRefusals_yetTheBreakerStaysClosedAndOthersGet202()
            throws Exception {
        try (ScriptedSmtp relay = ScriptedSmtp.deferringSlowly("slow.test", "450 4.4.3 <x@slow.test>: try again later",
                Duration.ofMillis(1_600));
             TestServer server = TestServer.start(TestDatabase.H2, Map.of("AUTH_SMTP_PORT", String.valueOf(relay.port()),
                     "AUTH_SMTP_TIMEOUT", "2s", "AUTH_SMTP_POOL_SIZE", "2"))) {
            List<Integer> statuses = Race.run(12, i -> server.postJson("/api/auth/magic-link",
                    "{\"email\":\"burst" + i + "@slow.test\"}").status());
            assertThat(statuses).containsOnly(503);

            Answer ready = server.get("/health/ready", null);
            assertThat(ready.json().at("/components/mail/breaker").asText()).as(ready.body()).isEqualTo("CLOSED");
            assertThat(server.postJson("/api/auth/magic-link", "{\"email\":\"bystander@example.com\"}").status())
                    .isEqualTo(202);
        }
    }

    /**
     * The attack (a second probe): a relay that accepts every mail for one domain, but slowly. A
     * second wave of requests, 1.5 s after the first, waited for the connections the first held,
     * began late and ran out of time with more than half of it on the wire: counted as the
     * server's failures, they opened the breaker although the relay refused nothing.
     */
    @Test
    void relayAcceptsOneDomainSlowly_aSecondWaveTimesOutBehindTheFirst_yetTheBreakerStaysClosed() throws Exception {
        try (ScriptedSmtp relay = ScriptedSmtp.acceptingSlowly("slow.test", Duration.ofMillis(4_000));
             TestServer server = TestServer.start(TestDatabase.H2, Map.of("AUTH_SMTP_PORT", String.valueOf(relay.port()),
                     "AUTH_SMTP_TIMEOUT", "6s", "AUTH_SMTP_POOL_SIZE", "5"))) {
            // Five pooled connections open first, so that each wave's timing is the relay's alone.
            assertThat(Race.run(5, i -> server.postJson("/api/auth/magic-link", "{\"email\":\"warm" + i + "@example.com\"}")
                    .status())).containsOnly(202);

            List<Integer> statuses = Race.run(10, i -> {
                if (i >= 5) {
                    try {
                        Thread.sleep(1_500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return server.postJson("/api/auth/magic-link", "{\"email\":\"wave" + i + "@slow.test\"}").status();
            });
            assertThat(statuses.subList(0, 5)).as("the first wave, accepted slowly").containsOnly(202);
            assertThat(statuses.subList(5, 10)).as("the second wave, out of time behind it").contains(503);

            Answer ready = server.get("/health/ready", null);
            assertThat(ready.json().at("/components/mail/breaker").asText()).as(ready.body()).isEqualTo("CLOSED");
            assertThat(server.postJson("/api/auth/magic-link", "{\"email\":\"onlooker@example.com\"}").status())
                    .isEqualTo(202);
        }
    }
}
