package dev.authbackbone.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a bearer token can be absent or wrong gets 401 with the right challenge, in both dialects. */
class BearerTokenTest {

    private static final String CHALLENGE = "Bearer";
    private static final String INVALID = "Bearer error=\"invalid_token\"";

    @RegisterExtension
    static final HttpServerWithFakes server = HttpServerWithFakes.perClass();

    static Stream<Arguments> authorizations() {
        return Stream.of(
                Arguments.of("no header", null, CHALLENGE),
                Arguments.of("Basic scheme", (Function<HttpServerWithFakes, String>) s -> "Basic dXNlcjpwYXNz", CHALLENGE),
                Arguments.of("Bearer without a token", (Function<HttpServerWithFakes, String>) s -> "Bearer ", CHALLENGE),
                Arguments.of("malformed token", (Function<HttpServerWithFakes, String>) s -> "Bearer not-a-jwt", INVALID),
                Arguments.of("three garbage parts", (Function<HttpServerWithFakes, String>) s -> "Bearer a.b.c", INVALID),
                Arguments.of("expired", (Function<HttpServerWithFakes, String>) s -> "Bearer " + claims(s)
                        .withIssuedAt(s.clock.instant().minusSeconds(7200))
                        .withExpiresAt(s.clock.instant().minusSeconds(3600)).sign(ours()), INVALID),
                Arguments.of("wrong signature", (Function<HttpServerWithFakes, String>) s -> "Bearer " + claims(s)
                        .sign(Algorithm.HMAC256("some-other-secret-which-is-long-enough".getBytes(StandardCharsets.UTF_8))),
                        INVALID),
                Arguments.of("alg none", (Function<HttpServerWithFakes, String>) s -> "Bearer " + algNone(claims(s).sign(ours())),
                        INVALID),
                Arguments.of("HS512 with our secret", (Function<HttpServerWithFakes, String>) s -> "Bearer "
                        + claims(s).sign(Algorithm.HMAC512(HttpServerWithFakes.SECRET)), INVALID),
                Arguments.of("wrong issuer", (Function<HttpServerWithFakes, String>) s -> "Bearer "
                        + claims(s).withIssuer("evil").sign(ours()), INVALID),
                Arguments.of("wrong audience", (Function<HttpServerWithFakes, String>) s -> "Bearer "
                        + claims(s).withAudience("another-service").sign(ours()), INVALID),
                Arguments.of("subject not a UUID", (Function<HttpServerWithFakes, String>) s -> "Bearer "
                        + claims(s).withSubject("root").sign(ours()), INVALID),
                Arguments.of("oversized token", (Function<HttpServerWithFakes, String>) s -> "Bearer "
                        + claims(s).withClaim("pad", "x".repeat(5000)).sign(ours()), INVALID));
    }

    @ParameterizedTest(name = "/api: {0}")
    @MethodSource("authorizations")
    void me_badOrMissingToken_answers401WithTheChallenge(String name, Function<HttpServerWithFakes, String> header, String challenge) {
        Answer answer = header == null
                ? server.get("/api/auth/me")
                : server.get("/api/auth/me", "Authorization", header.apply(server));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo(challenge);
        assertThat(answer.json().get("detail").asText())
                .isEqualTo(challenge.equals(CHALLENGE) ? "Not authenticated" : "Invalid or expired access token.");
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @ParameterizedTest(name = "/auth: {0}")
    @MethodSource("authorizations")
    void resend_badOrMissingToken_answers401InCodeMessage(String name, Function<HttpServerWithFakes, String> header, String challenge) {
        Answer answer = header == null
                ? server.postJson("/auth/send-email-confirmation", "{}")
                : server.postJson("/auth/send-email-confirmation", "{}", "Authorization", header.apply(server));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo(challenge);
        assertThat(answer.json().get("code").asInt()).isEqualTo(401);
        assertThat(answer.json().get("message").asText()).isNotBlank();
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void me_schemeInLowerCase_isAccepted() {
        Answer answer = server.get("/api/auth/me", "Authorization", "bearer " + server.token());

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void me_twoAuthorizationHeaders_areRefusedAsInvalid() {
        Answer answer = server.raw("GET /api/auth/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + server.token()
                + "\r\nAuthorization: Bearer " + server.token(), new byte[0]);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo(INVALID);
        assertThat(server.fakes.totalCalls()).isZero();
    }

    @Test
    void requestConfirmation_badTokenAndBadBody_answers401NotTheBodyError() {
        Answer answer = server.post("/api/auth/request-email-confirmation", "[[".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "text/plain", "Authorization", "Bearer x.y.z");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo(INVALID);
    }

    private static JWTCreator.Builder claims(HttpServerWithFakes server) {
        Instant now = server.clock.instant();
        return JWT.create()
                .withIssuer(HttpServerWithFakes.ISSUER)
                .withAudience(HttpServerWithFakes.AUDIENCE)
                .withSubject(FakeUseCases.ACCOUNT.toString())
                .withClaim("sid", FakeUseCases.SESSION.toString())
                .withIssuedAt(now)
                .withExpiresAt(now.plusSeconds(600))
                .withJWTId("test-jti");
    }

    private static Algorithm ours() {
        return Algorithm.HMAC256(HttpServerWithFakes.SECRET);
    }

    /** Our own valid token with its header swapped for {@code alg: none} and its signature dropped. */
    private static String algNone(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }
}
