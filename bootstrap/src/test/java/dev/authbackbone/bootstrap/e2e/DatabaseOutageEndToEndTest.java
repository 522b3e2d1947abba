package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.authbackbone.adapter.out.persistence.testing.FreshDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL going away under a running server, and coming back: every route that needs the
 * database answers 503 with Retry-After in its own dialect, within the connect timeout, and the
 * server recovers by itself. (The embedded H2 lives inside the server's process, so it cannot
 * become unreachable while the server runs; this runs on PostgreSQL only.)
 */
class DatabaseOutageEndToEndTest {

    @Test
    void postgresUnreachable_every503InItsDialectWithinTheTimeout_thenRecovers() throws Exception {
        assumeTrue(TestDatabase.AVAILABLE.contains(TestDatabase.POSTGRESQL), "needs AUTH_TEST_POSTGRES_URL");
        try (ServerBehindProxy behind = ServerBehindProxy.start("500ms");
             // The pool reports each connection the cut breaks, with its stack trace: expected here.
             ExpectedLog brokenConnections = ExpectedLog.of("com.zaxxer.hikari")) {
            TestServer server = behind.server;
            TcpProxy proxy = behind.proxy;
            String bearer = TestServer.accessToken(server.openAccount("ada@example.com"));
            assertThat(request(server, bearer, "before@example.com").status()).isEqualTo(202);

            proxy.cut();

            List<Supplier<Answer>> calls = List.of(
                    () -> request(server, bearer, "during@example.com"),
                    () -> server.get("/api/auth/me", bearer),
                    () -> server.postJson("/api/auth/magic-link", "{\"email\":\"ada@example.com\"}"),
                    () -> server.postJson("/auth/send-email-confirmation", "{}", bearer),
                    () -> server.postForm("/auth/confirm-email", "token=" + "A".repeat(43)));
            for (Supplier<Answer> call : calls) {
                long started = System.nanoTime();
                Answer answer = call.get();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
                assertThat(answer.status()).as(answer.body()).isEqualTo(503);
                assertThat(answer.header("Retry-After")).isEqualTo("5");
                assertThat(answer.body()).doesNotContain("Exception").doesNotContain("postgresql");
            }
            Answer api = request(server, bearer, "during@example.com");
            Answer auth = server.postJson("/auth/send-email-confirmation", "{}", bearer);
            Answer page = server.postForm("/auth/confirm-email", "token=" + "A".repeat(43));
            assertThat(api.json().get("detail").asText()).isEqualTo("The service is temporarily unavailable. Try again later.");
            assertThat(auth.json().get("code").asInt()).isEqualTo(503);
            assertThat(page.header("Content-Type")).startsWith("text/html");

            proxy.restore();

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            int status = 0;
            while (status != 202 && System.nanoTime() < deadline) {
                status = request(server, bearer, "after@example.com").status();
                Thread.sleep(200);
            }
            assertThat(status).as("202 once the database is back").isEqualTo(202);
            assertThat(behind.database.count("select count(*) from email_request where email_canonical = 'during@example.com'"))
                    .isZero();
            assertThat(brokenConnections.events()).as("the pool's reports of the cut say nothing secret")
                    .allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(bearer));
        }
    }

    private static Answer request(TestServer server, String bearer, String email) {
        return server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"" + email + "\"}", bearer);
    }

    /**
     * The attack on availability: PostgreSQL (or the network to it) stops answering in the middle of
     * the conversation, connections open. The server's own timeouts cannot end that: requests and
     * pooled connections waited for ever, with readiness UP (an outside probe: over 7 minutes). The
     * driver now gives up after its socket timeout, and the request is answered 503.
     */
    @Test
    void postgresStopsAnsweringMidConversation_requestsEndIn503WithinTheSocketTimeout() throws Exception {
        assumeTrue(TestDatabase.AVAILABLE.contains(TestDatabase.POSTGRESQL), "needs AUTH_TEST_POSTGRES_URL");
        try (ServerBehindProxy behind = ServerBehindProxy.start("1s");
             ExpectedLog brokenConnections = ExpectedLog.of("com.zaxxer.hikari")) {
            TestServer server = behind.server;
            TcpProxy proxy = behind.proxy;
            String bearer = TestServer.accessToken(server.openAccount("hung@example.com"));
            assertThat(server.get("/api/auth/me", bearer).status()).isEqualTo(200);

            proxy.hang();
            long started = System.nanoTime();
            Answer answer = server.get("/api/auth/me", bearer);

            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(45));
        }
    }

    /** A server that takes the connection and never answers held the start for as long: it now fails within the connect timeout. */
    @Test
    void postgresTakesConnectionsButNeverAnswers_theStartFailsWithinTheConnectTimeout() throws Exception {
        assumeTrue(TestDatabase.AVAILABLE.contains(TestDatabase.POSTGRESQL), "needs AUTH_TEST_POSTGRES_URL");
        FreshDatabase database = TestDatabase.POSTGRESQL.fresh();
        try (TcpProxy proxy = TcpProxy.before(database)) {
            proxy.hang();
            Path dir = Files.createTempDirectory("hung-start");
            long started = System.nanoTime();
            StartRefusal refusal = StartRefusal.start(dir, Map.of(
                    "AUTH_DB_URL", proxy.urlOf(database),
                    "AUTH_DB_CONNECT_TIMEOUT", "1s"));

            assertThat(refusal.exit()).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        } finally {
            database.close();
        }
    }
}
