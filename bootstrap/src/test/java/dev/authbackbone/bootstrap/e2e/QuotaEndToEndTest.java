package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/** The per-address quota over HTTP: 3 per window, shared by case variants, exact under concurrency. */
@OnEveryDatabase
class QuotaEndToEndTest {

    @Parameter
    TestDatabase database;

    private static TestServer server;
    private static String alice;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        server = TestServer.start(database, Map.of("AUTH_RATE_LIMIT_ACCOUNT", "1000/1h"));
        alice = TestServer.accessToken(server.openAccount("alice@example.com"));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    private static Answer request(String email) {
        return server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"" + email + "\"}", alice);
    }

    @Test
    void fourthRequestInTheWindow_is429WithRetryAfter_andCaseVariantsShareTheQuota() {
        assertThat(request("quota@example.com").status()).isEqualTo(202);
        assertThat(request("QUOTA@example.com").status()).isEqualTo(202);
        assertThat(request("Quota@Example.COM").status()).isEqualTo(202);

        Answer fourth = request("quota@EXAMPLE.com");

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(Integer.parseInt(fourth.header("Retry-After"))).isBetween(1, 15 * 60);
        assertThat(fourth.json().get("detail").isTextual()).isTrue();
        assertThat(server.mailsTo("quota@example.com")).hasSize(3);
    }

    @Test
    void twentyConcurrentRequestsForOneFreshAddress_acceptExactlyThree() throws Exception {
        List<Integer> statuses = LinkEmailEndToEndTest.concurrently(20, () -> request("fresh.race@example.com").status());

        assertThat(statuses).filteredOn(s -> s == 202).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(17);
        assertThat(server.mailsTo("fresh.race@example.com")).hasSize(3);
        assertThat(server.count("select count(*) from email_request where email_canonical = 'fresh.race@example.com'")).isEqualTo(3);
    }

    @Test
    void refusedRequests_doNotUseUpTheQuota() throws Exception {
        try (TestServer shortWindow = TestServer.start(database, Map.of("AUTH_RATE_LIMIT_EMAIL", "3/2s"))) {
            String token = TestServer.accessToken(shortWindow.openAccount("dave@example.com"));
            for (int i = 0; i < 3; i++) {
                assertThat(shortWindow.postJson("/api/auth/request-email-confirmation", "{\"email\":\"w@example.com\"}", token).status()).isEqualTo(202);
            }
            for (int i = 0; i < 5; i++) {
                assertThat(shortWindow.postJson("/api/auth/request-email-confirmation", "{\"email\":\"w@example.com\"}", token).status()).isEqualTo(429);
            }
            Thread.sleep(2_100);
            // The five 429s left no trace: a whole new window's worth is accepted.
            for (int i = 0; i < 3; i++) {
                assertThat(shortWindow.postJson("/api/auth/request-email-confirmation", "{\"email\":\"w@example.com\"}", token).status()).isEqualTo(202);
            }
        }
    }
}
