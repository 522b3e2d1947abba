package dev.authbackbone.bootstrap.e2e;

import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The legacy mode ({@code AUTH_JWT_SECRET} set): tokens are HS256 with that secret, the JWKS is
 * empty, and every kind of bad bearer token is a 401 with the right WWW-Authenticate, before
 * anything else.
 */
@OnEveryDatabase
class LegacySecretEndToEndTest {

    @Parameter
    TestDatabase database;

    private static TestServer server;
    private static String account;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        server = TestServer.start(database);
        account = server.openAccount("alice@example.com");
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    static Stream<Arguments> rejectedTokens() {
        Instant now = Instant.now();
        Algorithm right = Algorithm.HMAC256(TestServer.SECRET);
        return Stream.of(
                Arguments.of("malformed", "not.a.jwt"),
                Arguments.of("garbage", "x".repeat(5000)),
                Arguments.of("expired", token(now.minusSeconds(7200), now.minusSeconds(3600), "auth-backbone", "auth-backbone", right)),
                Arguments.of("wrongly signed", token(now, now.plusSeconds(600), "auth-backbone", "auth-backbone",
                        Algorithm.HMAC256("another-secret-that-is-also-32-bytes-long"))),
                Arguments.of("alg none", unsigned(now)),
                Arguments.of("HS512 with the right secret", token(now, now.plusSeconds(600), "auth-backbone", "auth-backbone",
                        Algorithm.HMAC512(TestServer.SECRET))),
                Arguments.of("wrong issuer", token(now, now.plusSeconds(600), "someone-else", "auth-backbone", right)),
                Arguments.of("wrong audience", token(now, now.plusSeconds(600), "auth-backbone", "another-service", right)),
                Arguments.of("unknown account", JWT.create().withIssuer("auth-backbone").withAudience("auth-backbone")
                        .withSubject(UUID.randomUUID().toString()).withClaim("sid", UUID.randomUUID().toString()).withIssuedAt(now).withExpiresAt(now.plusSeconds(600))
                        .withJWTId("j").sign(right)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedTokens")
    void badToken_is401InvalidToken(String name, String token) {
        Answer answer = server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"x@example.com\"}", token);

        assertThat(answer.status()).as(name).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(answer.json().get("detail").isTextual()).isTrue();
        assertThat(server.mails()).isEmpty();
    }

    @Test
    void issuedToken_isHs256WithoutKeyId_andTheJwksIsEmpty() {
        com.auth0.jwt.interfaces.DecodedJWT issued = JWT.decode(server.issue(account));

        assertThat(issued.getAlgorithm()).isEqualTo("HS256");
        assertThat(issued.getKeyId()).isNull();
        Answer jwks = server.get("/.well-known/jwks.json", null);
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().get("keys").size()).isZero();
        assertThat(server.get("/.well-known/openid-configuration", null).json()
                .get("id_token_signing_alg_values_supported").get(0).asText()).isEqualTo("HS256");
        assertThat(server.count("select count(*) from signing_key")).isZero();
    }

    @Test
    void missingToken_is401WithPlainChallenge() {
        Answer answer = server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"x@example.com\"}", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void validToken_isAccepted() {
        Answer answer = server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"ok@example.com\"}",
                TestServer.accessToken(account));

        assertThat(answer.status()).isEqualTo(202);
    }

    @Test
    void token_respelledInTheUnusedBitsOfItsSignatureOrPadded_is401_onlyTheSignedTextIsAccepted() {
        String token = TestServer.accessToken(account);
        List<String> spellings = TokenSpellings.sameSignatureBytes(token);

        assertThat(spellings).as("an HS256 signature leaves 2 bits of its last character unused").hasSize(4).contains(token);
        for (String spelling : spellings) {
            assertThat(server.get("/api/auth/me", spelling).status()).as(spelling.equals(token) ? "the signed text" : "a respelling")
                    .isEqualTo(spelling.equals(token) ? 200 : 401);
        }
        Answer padded = server.get("/api/auth/me", TokenSpellings.paddedSignature(token));
        assertThat(padded.status()).as("the signature padded").isEqualTo(401);
        assertThat(padded.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }

    private static String token(Instant issued, Instant expires, String issuer, String audience, Algorithm algorithm) {
        return JWT.create().withIssuer(issuer).withAudience(audience).withSubject(account).withClaim("sid", TestServer.sessionIdOf(account))
                .withIssuedAt(issued).withExpiresAt(expires).withJWTId(UUID.randomUUID().toString()).sign(algorithm);
    }

    private static String unsigned(Instant now) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"auth-backbone\",\"aud\":\"auth-backbone\",\"sub\":\"" + account
                + "\",\"sid\":\"" + TestServer.sessionIdOf(account) + "\",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + (now.getEpochSecond() + 600) + ",\"jti\":\"n\"}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }
}
