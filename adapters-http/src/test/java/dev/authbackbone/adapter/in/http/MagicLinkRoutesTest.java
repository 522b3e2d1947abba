package dev.authbackbone.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.port.in.signin.RequestSignInLinkResult;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MagicLinkRoutesTest {

    /** Well-formed (43 base64url characters): a malformed token never reaches the use case. */
    private static final String MAILED = "the-mailed-token-xxxxxxxxxxxxxxxxxxxxxxxxxx";

    @RegisterExtension
    static final HttpServerWithFakes server = HttpServerWithFakes.perClass();

    @Test
    void request_validAddress_answers202WithTheVagueMessage() {
        Answer answer = server.postJson("/api/auth/magic-link", "{\"email\": \"Someone@Example.org\"}");

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.mediaType()).isEqualTo("application/json");
        assertThat(answer.body()).isEqualTo("{\"message\":\"If that address can sign in, a sign-in link has been sent.\"}");
        assertThat(server.fakes.requestSignInLink.commands()).singleElement()
                .satisfies(command -> assertThat(command.email().value()).isEqualTo("Someone@Example.org"));
    }

    @Test
    void request_rateLimitedByTheDomain_answers429WithRetryAfter() {
        server.fakes.requestSignInLink.answer(new RequestSignInLinkResult.RateLimited(Duration.ofSeconds(90)));

        Answer answer = server.postJson("/api/auth/magic-link", "{\"email\": \"someone@example.org\"}");

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isEqualTo("90");
        assertThat(answer.jsonEquals("{'detail': 'Too many requests. Try again later.'}")).isTrue();
    }

    @Test
    void request_mailDown_answers503WithRetryAfterRoundedUp() {
        server.fakes.requestSignInLink.answer(new RequestSignInLinkResult.MailUnavailable(Duration.ofMillis(1500)));

        Answer answer = server.postJson("/api/auth/magic-link", "{\"email\": \"someone@example.org\"}");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("2");
        assertThat(answer.jsonEquals("{'detail': 'Email delivery is temporarily unavailable. Try again later.'}")).isTrue();
    }

    @Test
    void request_missingEmail_answers422InPydanticShape() {
        Answer answer = server.postJson("/api/auth/magic-link", "{\"mail\": \"x@example.org\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.jsonEquals("{'detail': [{'type': 'missing', 'loc': ['body', 'email'], 'msg': 'Field required',"
                + " 'input': {'mail': 'x@example.org'}}]}")).isTrue();
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void verify_goodToken_answersABearerTokenThatIsNotCached() {
        Answer answer = server.postJson("/api/auth/magic-link/verify", "{\"token\": \"" + MAILED + "\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.mediaType()).isEqualTo("application/json");
        assertThat(answer.json().fieldNames()).toIterable().containsExactly("access_token", "token_type", "expires_in",
                "refresh_token");
        assertThat(answer.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(answer.json().get("refresh_token").asText()).isEqualTo(FakeUseCases.STARTED.refreshToken().reveal());
        assertThat(server.tokens.verifyClaims(answer.json().get("access_token").asText()).orElseThrow().session())
                .isEqualTo(FakeUseCases.SESSION);
        assertThat(answer.json().get("expires_in").asLong()).isEqualTo(3600);
        String accessToken = answer.json().get("access_token").asText();
        assertThat(server.tokens.verify(accessToken)).contains(FakeUseCases.ACCOUNT);
        assertThat(server.fakes.signInWithLink.commands()).singleElement()
                .satisfies(command -> assertThat(command.token()).isEqualTo(MAILED));
    }

    @Test
    void verify_issuedToken_opensMe() {
        server.fakes.signInWithLink.answer(new SignInWithLinkResult.SignedIn(FakeUseCases.ACCOUNT, true, FakeUseCases.STARTED));
        String accessToken = server.postJson("/api/auth/magic-link/verify", "{\"token\": \"" + MAILED + "\"}").json()
                .get("access_token").asText();

        Answer me = server.get("/api/auth/me", "Authorization", "Bearer " + accessToken);

        assertThat(me.status()).isEqualTo(200);
        assertThat(server.fakes.viewAccount.commands()).containsExactly(FakeUseCases.ACCOUNT);
    }

    @Test
    void verify_invalidToken_answers400WithADetailSentence() {
        server.fakes.signInWithLink.answer(new SignInWithLinkResult.InvalidToken());

        Answer answer = server.postJson("/api/auth/magic-link/verify", "{\"token\": \"used\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.jsonEquals(
                "{'detail': 'This sign-in link is invalid, has expired or has already been used.'}")).isTrue();
    }

    @Test
    void verify_tokenNotAString_answers422() {
        Answer answer = server.postJson("/api/auth/magic-link/verify", "{\"token\": 42}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.jsonEquals("{'detail': [{'type': 'string_type', 'loc': ['body', 'token'],"
                + " 'msg': 'Input should be a valid string', 'input': 42}]}")).isTrue();
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void verify_emptyBody_answers422MissingBody() {
        Answer answer = server.post("/api/auth/magic-link/verify", new byte[0], "Content-Type", "application/json");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.jsonEquals("{'detail': [{'type': 'missing', 'loc': ['body'], 'msg': 'Field required',"
                + " 'input': null}]}")).isTrue();
    }

    @Test
    void verifyCode_goodCode_answersAsVerify_withTheAddressAndCodeAsTyped() {
        Answer answer = server.postJson("/api/auth/magic-link/verify-code",
                "{\"email\": \"Someone@Example.org\", \"code\": \"7kq4-m2xd\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.json().fieldNames()).toIterable().containsExactly("access_token", "token_type", "expires_in",
                "refresh_token");
        assertThat(server.fakes.signInWithCode.commands()).singleElement().satisfies(command -> {
            assertThat(command.email().value()).isEqualTo("Someone@Example.org");
            assertThat(command.code()).isEqualTo("7kq4-m2xd");
        });
    }

    @Test
    void verifyCode_unreadableCode_answersAWrongCodeWithoutCallingTheUseCase() {
        Answer answer = server.postJson("/api/auth/magic-link/verify-code",
                "{\"email\": \"someone@example.org\", \"code\": \"0OIL1234\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.jsonEquals("{'detail': 'This code is wrong, has expired or has already been used.'}")).isTrue();
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void verifyCode_refused_answers400NamingTheCode() {
        server.fakes.signInWithCode.answer(new SignInWithLinkResult.InvalidToken());

        Answer answer = server.postJson("/api/auth/magic-link/verify-code",
                "{\"email\": \"someone@example.org\", \"code\": \"7KQ4M2XD\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.jsonEquals("{'detail': 'This code is wrong, has expired or has already been used.'}")).isTrue();
    }
}
