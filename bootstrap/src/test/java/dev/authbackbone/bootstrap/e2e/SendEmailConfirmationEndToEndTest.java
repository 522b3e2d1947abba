package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/** Every status of {@code POST /auth/send-email-confirmation} each in {code, message}. */
@OnEveryDatabase
class SendEmailConfirmationEndToEndTest {

    @Parameter
    TestDatabase database;

    private static final String PATH = "/auth/send-email-confirmation";

    @Test
    void everyStatusOfTheResendEndpoint() {
        try (TestServer server = TestServer.start(database)) {
            String aliceId = server.openAccount("alice@example.com");
            String alice = TestServer.accessToken(aliceId);

            expect(server.postJson(PATH, "{}", null), 401);
            expect(server.postJson(PATH, "{}", "not-a-token"), 401);
            expect(server.postJson(PATH, "{}", alice), 404);
            expect(server.postJson(PATH, "{\"email\":\"nobody@example.com\"}", alice), 404);
            expect(server.postJson(PATH, "{\"email\":\"alice@example.com\"}", alice), 403);
            expect(server.postJson(PATH, "{\"email\":", alice), 400);
            expect(server.postJson(PATH, "[1]", alice), 400);
            expect(server.postJson(PATH, "{\"email\":\"no-at-sign\"}", alice), 422);
            expect(server.postJson(PATH, "{\"email\":7}", alice), 422);

            server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"Second@Example.com\"}", alice);
            Answer sent = server.postJson(PATH, "{}", alice);
            assertThat(sent.status()).isEqualTo(200);
            assertThat(sent.body()).isEqualTo("{\"email\":\"Second@Example.com\",\"sent\":true}");
            assertThat(server.mailsTo("Second@Example.com")).hasSize(2);
            // Both links work until one is used: the re-send left the first valid.
            assertThat(server.count("select count(*) from email_token where email_canonical = 'second@example.com' and consumed_at is null"))
                    .isEqualTo(2);

            assertThat(server.postJson(PATH, "{\"email\":\"second@example.com\"}", alice).status()).isEqualTo(200);
            Answer limited = server.postJson(PATH, "{}", alice);
            expect(limited, 429);
            assertThat(limited.header("Retry-After")).isNotNull();

            server.smtp.stop();
            server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"third@example.com\"}", alice);
            Answer unavailable = server.postJson(PATH, "{\"email\":\"third@example.com\"}", alice);
            // third@ got no pending confirmation (its request ended in 503), so it is 404, not 503.
            expect(unavailable, 404);

            assertThat(server.app.accounts().setDisabled(aliceId, true)).isNotNull();
            // Disabling ended the account's sessions, so its token is refused before the account is looked at.
            expect(server.postJson(PATH, "{}", alice), 401);
        }
    }

    @Test
    void smtpDown_is503WithRetryAfter() {
        try (TestServer server = TestServer.start(database)) {
            String alice = TestServer.accessToken(server.openAccount("alice@example.com"));
            server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"pending@example.com\"}", alice);
            server.smtp.stop();

            Answer answer = server.postJson(PATH, "{}", alice);

            expect(answer, 503);
            assertThat(answer.header("Retry-After")).isNotNull();
        }
    }

    @Test
    void quotaIsSharedWithTheApiRequestEndpoint() {
        try (TestServer server = TestServer.start(database, Map.of())) {
            String alice = TestServer.accessToken(server.openAccount("alice@example.com"));
            assertThat(server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"shared@example.com\"}", alice).status()).isEqualTo(202);
            assertThat(server.postJson(PATH, "{}", alice).status()).isEqualTo(200);
            assertThat(server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"SHARED@example.com\"}", alice).status()).isEqualTo(202);

            assertThat(server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"shared@example.com\"}", alice).status()).isEqualTo(429);
            expect(server.postJson(PATH, "{}", alice), 429);
        }
    }

    private static void expect(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.json().get("code").asInt()).isEqualTo(status);
        assertThat(answer.json().get("message").isTextual()).isTrue();
        assertThat(answer.json().size()).isEqualTo(2);
        if (status == 401) {
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }
}
