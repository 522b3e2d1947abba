package dev.authbackbone.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.adapter.in.http.limit.ClientIpLimit;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-client-address limit on the three routes that send mail, over real HTTP. */
class ClientIpLimitTest {

    private HttpServerWithFakes server;

    @BeforeEach
    void start() {
        server = HttpServerWithFakes.start(ClientIpLimit.of(2, Duration.ofHours(1)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void mailSendingRoutes_shareOneAllowancePerClient_thenAnswer429WithRetryAfter() {
        assertThat(server.postJson("/api/auth/magic-link", "{\"email\": \"a@example.org\"}").status()).isEqualTo(202);
        assertThat(server.postJson("/api/auth/request-email-confirmation", "{\"email\": \"b@example.org\"}",
                "Authorization", server.bearer()).status()).isEqualTo(202);

        Answer api = server.postJson("/api/auth/magic-link", "{\"email\": \"c@example.org\"}");
        Answer auth = server.postJson("/auth/send-email-confirmation", "{}", "Authorization", server.bearer());

        assertThat(api.status()).isEqualTo(429);
        assertThat(api.jsonEquals("{'detail': 'Too many requests. Try again later.'}")).isTrue();
        assertThat(Long.parseLong(api.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(auth.status()).isEqualTo(429);
        assertThat(auth.jsonEquals("{'code': 429, 'message': 'Too many requests. Try again later.'}")).isTrue();
        assertThat(Long.parseLong(auth.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(server.fakes.requestSignInLink.commands()).hasSize(1);
        assertThat(server.fakes.requestEmailConfirmation.commands()).hasSize(1);
        assertThat(server.fakes.resendEmailConfirmation.commands()).isEmpty();
    }

    @Test
    void invalidOrUnauthenticatedRequests_doNotUseTheAllowance() {
        for (int i = 0; i < 5; i++) {
            assertThat(server.postJson("/api/auth/magic-link", "{\"email\": \"not-an-address\"}").status()).isEqualTo(422);
            assertThat(server.postJson("/auth/send-email-confirmation", "{}").status()).isEqualTo(401);
        }

        assertThat(server.postJson("/api/auth/magic-link", "{\"email\": \"a@example.org\"}").status()).isEqualTo(202);
    }

    @Test
    void forwardedForHeader_doesNotBuyAFreshAllowance() {
        server.postJson("/api/auth/magic-link", "{\"email\": \"a@example.org\"}");
        server.postJson("/api/auth/magic-link", "{\"email\": \"a@example.org\"}");

        Answer answer = server.postJson("/api/auth/magic-link", "{\"email\": \"a@example.org\"}",
                "X-Forwarded-For", "203.0.113.9");

        assertThat(answer.status()).isEqualTo(429);
    }

    @Test
    void otherRoutes_areNotLimited() {
        server.postJson("/api/auth/magic-link", "{\"email\": \"a@example.org\"}");
        server.postJson("/api/auth/magic-link", "{\"email\": \"a@example.org\"}");

        assertThat(server.postJson("/api/auth/magic-link/verify", "{\"token\": \"" + "t".repeat(43) + "\"}").status()).isEqualTo(200);
        assertThat(server.get("/api/auth/me", "Authorization", server.bearer()).status()).isEqualTo(200);
        assertThat(server.postJson("/api/auth/confirm-email", "{\"token\": \"" + "t".repeat(43) + "\"}").status()).isEqualTo(200);
    }
}
