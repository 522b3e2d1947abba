package dev.authbackbone.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.bootstrap.e2e.TestServer.Answer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
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
 * The server as shipped (RS256 keys in its database): every kind of bad bearer token, including the
 * classic attacks on asymmetric JWTs, is a 401 with the right WWW-Authenticate, before anything else.
 */
@OnEveryDatabase
class AccessTokenEndToEndTest {

    @Parameter
    TestDatabase database;

    private static TestServer server;
    private static String account;
    private static String kid;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        server = TestServer.start(database, TestServer.WITH_KEYS);
        account = server.openAccount("alice@example.com");
        kid = StoredKeys.currentKid(server.database);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    static Stream<Arguments> rejectedTokens() {
        Instant now = Instant.now();
        Algorithm right = StoredKeys.algorithm(server.database, kid);
        RSAPublicKey ours = StoredKeys.publicKey(server.database, kid);
        KeyPair foreign = StoredKeys.foreign();
        Algorithm foreignKey = Algorithm.RSA256((RSAPublicKey) foreign.getPublic(), (RSAPrivateKey) foreign.getPrivate());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(ours.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        return Stream.of(
                Arguments.of("malformed", "not.a.jwt"),
                Arguments.of("garbage", "x".repeat(5000)),
                Arguments.of("expired", token(kid, now.minusSeconds(7200), now.minusSeconds(3600), "auth-backbone", "auth-backbone", right)),
                Arguments.of("expired a second ago", token(kid, now.minusSeconds(601), now.minusSeconds(1), "auth-backbone",
                        "auth-backbone", right)),
                Arguments.of("wrong issuer", token(kid, now, now.plusSeconds(600), "someone-else", "auth-backbone", right)),
                Arguments.of("wrong audience", token(kid, now, now.plusSeconds(600), "auth-backbone", "another-service", right)),
                Arguments.of("unknown account", JWT.create().withKeyId(kid).withIssuer("auth-backbone").withAudience("auth-backbone")
                        .withSubject(UUID.randomUUID().toString()).withClaim("sid", UUID.randomUUID().toString()).withIssuedAt(now).withExpiresAt(now.plusSeconds(600))
                        .withJWTId("j").sign(right)),
                Arguments.of("alg none", unsigned(now)),
                Arguments.of("HS256 keyed with our public key as PEM", token(kid, now, now.plusSeconds(600), "auth-backbone",
                        "auth-backbone", Algorithm.HMAC256(pem.getBytes(StandardCharsets.US_ASCII)))),
                Arguments.of("HS256 keyed with our public key as DER", token(kid, now, now.plusSeconds(600), "auth-backbone",
                        "auth-backbone", Algorithm.HMAC256(ours.getEncoded()))),
                Arguments.of("foreign key claiming our kid", token(kid, now, now.plusSeconds(600), "auth-backbone",
                        "auth-backbone", foreignKey)),
                Arguments.of("foreign key with its own kid", token("attacker-key", now, now.plusSeconds(600), "auth-backbone",
                        "auth-backbone", foreignKey)),
                Arguments.of("our key without a kid", token(null, now, now.plusSeconds(600), "auth-backbone", "auth-backbone", right)),
                Arguments.of("RS512 with our key", token(kid, now, now.plusSeconds(600), "auth-backbone", "auth-backbone",
                        Algorithm.RSA512(ours, StoredKeys.privateKey(server.database, kid)))));
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
    void missingToken_is401WithPlainChallenge() {
        Answer answer = server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"x@example.com\"}", null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void issuedToken_isRs256WithTheStoredKid_andIsAccepted() {
        String token = server.issue(account);
        DecodedJWT jwt = JWT.decode(token);

        assertThat(jwt.getAlgorithm()).isEqualTo("RS256");
        assertThat(jwt.getKeyId()).isEqualTo(kid);
        assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(jwt.getIssuedAtAsInstant().plusSeconds(15 * 60));
        assertThat(server.postJson("/api/auth/request-email-confirmation", "{\"email\":\"ok@example.com\"}", token).status())
                .isEqualTo(202);
    }

    @Test
    void tokenSignedWithTheStoredKey_isAccepted() {
        Instant now = Instant.now();
        String token = token(kid, now, now.plusSeconds(600), "auth-backbone", "auth-backbone",
                StoredKeys.algorithm(server.database, kid));

        assertThat(server.get("/api/auth/me", token).status()).isEqualTo(200);
    }

    @Test
    void issuedToken_respelledInTheUnusedBitsOfItsSignatureOrPadded_is401_onlyTheIssuedTextIsAccepted() {
        String token = server.issue(account);
        List<String> spellings = TokenSpellings.sameSignatureBytes(token);

        assertThat(spellings).as("an RS256 signature leaves 4 bits of its last character unused").hasSize(16).contains(token);
        for (String spelling : spellings) {
            Answer answer = server.get("/api/auth/me", spelling);
            assertThat(answer.status()).as(spelling.equals(token) ? "the issued text" : "a respelling").isEqualTo(
                    spelling.equals(token) ? 200 : 401);
            if (!spelling.equals(token)) {
                assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
            }
        }
        Answer padded = server.get("/api/auth/me", TokenSpellings.paddedSignature(token));
        assertThat(padded.status()).as("the signature padded").isEqualTo(401);
        assertThat(padded.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }

    @Test
    void tokenIssuedByAnInstanceWhoseClockRunsAFewSecondsAhead_isAccepted() {
        Instant ahead = Instant.now().plusSeconds(3);
        String token = token(kid, ahead, ahead.plusSeconds(600), "auth-backbone", "auth-backbone",
                StoredKeys.algorithm(server.database, kid));

        assertThat(server.get("/api/auth/me", token).status()).isEqualTo(200);
    }

    private static String token(String keyId, Instant issued, Instant expires, String issuer, String audience, Algorithm algorithm) {
        JWTCreator.Builder builder = JWT.create();
        if (keyId != null) {
            builder.withKeyId(keyId);
        }
        return builder.withIssuer(issuer).withAudience(audience).withSubject(account).withClaim("sid", TestServer.sessionIdOf(account))
                .withIssuedAt(issued).withExpiresAt(expires).withJWTId(UUID.randomUUID().toString()).sign(algorithm);
    }

    private static String unsigned(Instant now) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"auth-backbone\",\"aud\":\"auth-backbone\",\"sub\":\"" + account
                + "\",\"sid\":\"" + TestServer.sessionIdOf(account) + "\",\"iat\":" + now.getEpochSecond() + ",\"exp\":" + (now.getEpochSecond() + 600) + ",\"jti\":\"n\"}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }
}
