package dev.authbackbone.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A token that cannot be one of ours gets the answer an unknown one gets, and the use case is never called. */
class TokenEndpointsTest {

    @RegisterExtension
    static final HttpServerWithFakes server = HttpServerWithFakes.perClass();

    private static final List<String> MALFORMED = List.of("t", "A".repeat(42), "A".repeat(44), "A".repeat(42) + "=",
            "A".repeat(42) + "+", "A".repeat(42) + "\u00e9", "../../etc/passwd");

    @Test
    void malformedTokens_jsonRoutes_answerTheUsual400_withoutCallingTheUseCase() {
        for (String token : MALFORMED) {
            Answer signIn = server.postJson("/api/auth/magic-link/verify", "{\"token\": \"" + token + "\"}");
            Answer confirm = server.postJson("/api/auth/confirm-email", "{\"token\": \"" + token + "\"}");

            assertThat(signIn.status()).as(token).isEqualTo(400);
            assertThat(signIn.jsonEquals("{'detail': 'This sign-in link is invalid, has expired or has already been used.'}")).isTrue();
            assertThat(confirm.status()).as(token).isEqualTo(400);
            assertThat(confirm.jsonEquals(
                    "{'detail': 'This confirmation link is invalid, has expired or has already been used.'}")).isTrue();
        }
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void malformedTokens_pages_answerThe400Page_withoutCallingTheUseCase() {
        assertThat(server.postForm("/auth/confirm-email", "token=short").status()).isEqualTo(400);
        assertThat(server.postForm("/auth/magic-link", "token=short").status()).isEqualTo(400);
        assertThat(server.postForm("/auth/magic-link", "token=" + "A".repeat(44)).body()).contains("This link does not work");

        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void wellFormedToken_reachesTheUseCase() {
        assertThat(server.postJson("/api/auth/magic-link/verify", "{\"token\": \"" + "A".repeat(43) + "\"}").status()).isEqualTo(200);

        assertThat(server.fakes.signInWithLink.commands()).hasSize(1);
    }
}
