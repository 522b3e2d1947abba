package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Readiness follows the database, and reports the mail breaker; /metrics shows the series operators alert on. */
class OperationsEndToEndTest {

    @Test
    void readiness_smtpDownOpensTheBreakerAndIsDegraded_thenUpAfterRecovery() throws Exception {
        try (TestServer server = TestServer.start(TestDatabase.H2)) {
            Answer ready = server.get("/health/ready", null);
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().at("/components/database/status").asText()).isEqualTo("UP");
            assertThat(ready.json().at("/components/mail/breaker").asText()).isEqualTo("CLOSED");

            int smtpPort = server.smtp.getSmtp().getPort();
            server.smtp.stop();
            for (int i = 0; i < 5; i++) {
                assertThat(signInLink(server, "outage@example.com").status()).isEqualTo(503);
            }

            Answer down = server.get("/health/ready", null);
            assertThat(down.status()).as("mail down degrades, it does not take the instance out").isEqualTo(200);
            assertThat(down.json().at("/status").asText()).isEqualTo("DEGRADED");
            assertThat(down.json().at("/components/mail/status").asText()).isEqualTo("DOWN");
            assertThat(down.json().at("/components/mail/breaker").asText()).isEqualTo("OPEN");
            assertThat(down.json().at("/components/database/status").asText()).isEqualTo("UP");
            Answer live = server.get("/health/live", null);
            assertThat(live.status()).as("liveness does not follow a dependency").isEqualTo(200);
            assertThat(live.json().at("/components/mail/breaker").asText()).isEqualTo("OPEN");

            GreenMail back = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
            back.start();
            try {
                // TestServer's breaker waits 1 s; then it is half-open (mail up again) and a probe closes it.
                awaitMail(server, "UP", Duration.ofSeconds(5));
                assertThat(signInLink(server, "outage@example.com").status()).isEqualTo(202);
                for (int i = 0; i < 2; i++) {
                    assertThat(signInLink(server, "other" + i + "@example.com").status()).isEqualTo(202);
                }
                Answer recovered = server.get("/health/ready", null);
                assertThat(recovered.status()).isEqualTo(200);
                assertThat(recovered.json().at("/components/mail/breaker").asText()).isEqualTo("CLOSED");

                String metrics = server.get("/metrics", null).body();
                assertThat(value(metrics, "auth_mails_failed_total{kind=\"sign_in\"}")).isEqualTo(5);
                assertThat(value(metrics, "auth_mail_circuit_breaker_transitions_total{from=\"closed\",to=\"open\"}")).isEqualTo(1);
                assertThat(value(metrics, "auth_mail_circuit_breaker_transitions_total{from=\"half_open\",to=\"closed\"}")).isEqualTo(1);
                assertThat(value(metrics, "auth_mail_circuit_breaker_state{state=\"closed\"}")).isEqualTo(1);
                assertThat(value(metrics, "auth_mail_circuit_breaker_state{state=\"open\"}")).isZero();
            } finally {
                back.stop();
            }
        }
    }

    @Test
    void metrics_afterAScriptedFlow_holdEverySeriesAndNoAddressOrToken() {
        try (TestServer server = TestServer.start(TestDatabase.H2)) {
            String address = "grace.hopper@example.com";
            String linked = "grace.work@example.org";
            assertThat(signInLink(server, address).status()).isEqualTo(202);
            String signInToken = server.lastTokenMailedTo(address);
            Answer signedIn = server.postJson("/api/auth/magic-link/verify", "{\"token\":\"" + signInToken + "\"}");
            String accessToken = signedIn.json().get("access_token").asText();
            assertThat(server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"" + linked + "\"}",
                    accessToken).status()).isEqualTo(202);
            String confirmToken = server.lastTokenMailedTo(linked);
            assertThat(server.postJson("/api/auth/confirm-email", "{\"token\":\"" + confirmToken + "\"}").status())
                    .isEqualTo(200);
            assertThat(server.postJson("/api/auth/confirm-email", "{\"token\":\"" + confirmToken + "\"}").status())
                    .isEqualTo(400);
            for (int i = 0; i < 3; i++) {
                signInLink(server, "quota@example.net");
            }
            assertThat(signInLink(server, "quota@example.net").status()).isEqualTo(429);
            assertThat(server.get("/api/auth/me", accessToken).status()).isEqualTo(200);

            Answer answer = server.get("/metrics", null);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Content-Type")).startsWith("text/plain");
            String metrics = answer.body();
            assertThat(metrics).contains(
                    "http_server_requests_seconds_bucket{method=\"POST\",outcome=\"success\",route=\"/api/auth/magic-link\",status=\"202\",le=\"0.1\"}",
                    "http_server_requests_seconds_count{method=\"GET\",outcome=\"success\",route=\"/api/auth/me\",status=\"200\"}",
                    "route=\"/api/auth/confirm-email\",status=\"400\"",
                    "auth_db_pool_connections{state=\"active\"}",
                    "auth_db_pool_connections{state=\"pending\"}",
                    "auth_db_pool_connections_max " + TestServer.POOL_SIZE + ".0",
                    "auth_mail_circuit_breaker_state{state=\"closed\"} 1.0",
                    "auth_mail_circuit_breaker_transitions_total{from=\"closed\",to=\"open\"} 0.0",
                    "jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds",
                    "process_cpu_usage");
            assertThat(value(metrics, "auth_mails_sent_total{kind=\"sign_in\"}")).isEqualTo(4);
            assertThat(value(metrics, "auth_mails_sent_total{kind=\"confirmation\"}")).isEqualTo(1);
            assertThat(value(metrics, "auth_mails_failed_total{kind=\"confirmation\"}")).isZero();
            assertThat(value(metrics, "auth_rate_limit_rejections_total{limit=\"per_address\"}")).isEqualTo(1);
            assertThat(value(metrics, "auth_rate_limit_rejections_total{limit=\"per_ip\"}")).isZero();
            assertThat(value(metrics, "auth_tokens_issued_total{purpose=\"sign_in\"}")).isEqualTo(4);
            assertThat(value(metrics, "auth_tokens_issued_total{purpose=\"email_confirmation\"}")).isEqualTo(1);
            assertThat(value(metrics, "auth_tokens_confirmed_total{purpose=\"sign_in\"}")).isEqualTo(1);
            assertThat(value(metrics, "auth_tokens_confirmed_total{purpose=\"email_confirmation\"}")).isEqualTo(1);
            assertThat(value(metrics, "auth_tokens_rejected_total{purpose=\"email_confirmation\",reason=\"invalid_token\"}"))
                    .isEqualTo(1);
            for (String secret : List.of(address, linked, "quota@example.net", "grace", signInToken, confirmToken,
                    accessToken, TestServer.SECRET)) {
                assertThat(metrics).as("metrics never carry an address or a token").doesNotContain(secret);
            }
            assertThat(metrics).doesNotContain("@");
        }
    }

    /** The attack: every request with a method of its own, each of which used to add a series of a dozen buckets. */
    @Test
    void metrics_afterRequestsWithMadeUpMethods_labelThemAllOther() {
        try (TestServer server = TestServer.start(TestDatabase.H2)) {
            for (int i = 0; i < 200; i++) {
                RawHttp.exchange(RawHttp.ATTACKER, server.app.port(),
                        "X" + i + "Q /nope HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", Duration.ofSeconds(5));
            }

            String metrics = server.get("/metrics", null).body();

            assertThat(metrics).doesNotContain("X1Q", "X199Q").contains("method=\"other\"");
            assertThat(metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count"))).hasSizeLessThan(10);
        }
    }

    private static Answer signInLink(TestServer server, String address) {
        return server.postJson("/api/auth/magic-link", "{\"email\":\"" + address + "\"}");
    }

    private static void awaitMail(TestServer server, String status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!mailStatus(server).equals(status) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(mailStatus(server)).isEqualTo(status);
    }

    private static String mailStatus(TestServer server) {
        return server.get("/health/ready", null).json().at("/components/mail/status").asText();
    }

    /** The value of one series, such as {@code name{label="x"}}, in a scrape. */
    static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertThat(m.find()).as("series %s in the scrape", series).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
