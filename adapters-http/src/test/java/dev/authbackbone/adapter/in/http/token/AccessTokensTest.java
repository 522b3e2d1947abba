package dev.authbackbone.adapter.in.http.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.session.SessionId;
import dev.authbackbone.domain.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final AccountId ACCOUNT = new AccountId(UUID.fromString("6a8c1f4e-2b3d-4e5f-8a9b-0c1d2e3f4a5b"));
    private static final SessionId SESSION = new SessionId(UUID.fromString("7b9d2a5f-3c4e-4f6a-9b0c-1d2e3f4a5b6c"));

    private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
    private final AccessTokens tokens = new AccessTokens(SECRET, "iss-test", "aud-test", Duration.ofMinutes(30), clock);

    @Test
    void issue_anyAccount_carriesEveryClaimAndTheTtl() {
        IssuedAccessToken issued = tokens.issue(ACCOUNT, SESSION);

        DecodedJWT jwt = JWT.decode(issued.value());
        assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
        assertThat(jwt.getIssuer()).isEqualTo("iss-test");
        assertThat(jwt.getAudience()).containsExactly("aud-test");
        assertThat(jwt.getSubject()).isEqualTo(ACCOUNT.toString());
        assertThat(jwt.getClaim("sid").asString()).isEqualTo(SESSION.toString());
        assertThat(jwt.getIssuedAtAsInstant()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(Instant.parse("2026-03-01T12:30:00Z"));
        assertThat(jwt.getId()).isNotBlank();
        assertThat(issued.expiresIn()).isEqualTo(Duration.ofMinutes(30));
        assertThat(issued.toString()).doesNotContain(issued.value());
    }

    @Test
    void issue_twice_givesDistinctTokenIds() {
        assertThat(JWT.decode(tokens.issue(ACCOUNT, SESSION).value()).getId())
                .isNotEqualTo(JWT.decode(tokens.issue(ACCOUNT, SESSION).value()).getId());
    }

    @Test
    void verify_ownFreshToken_namesTheAccount() {
        assertThat(tokens.verify(tokens.issue(ACCOUNT, SESSION).value())).contains(ACCOUNT);
    }

    @Test
    void verify_aMomentBeforeExpiry_stillAccepts() {
        String token = tokens.issue(ACCOUNT, SESSION).value();
        clock.advance(Duration.ofMinutes(30).minusMillis(1));
        assertThat(tokens.verify(token)).contains(ACCOUNT);
    }

    @Test
    void verify_atExpiry_rejects() {
        String token = tokens.issue(ACCOUNT, SESSION).value();
        clock.advance(Duration.ofMinutes(30));
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void verify_sameTokenAgainPastExpiry_rejects() {
        // The second check is answered from the tokens already verified; expiry still applies.
        String token = tokens.issue(ACCOUNT, SESSION).value();
        assertThat(tokens.verify(token)).contains(ACCOUNT);
        clock.advance(Duration.ofMinutes(30));
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void verify_verifiedTokensSignatureUnderAnotherPayload_rejects() {
        String token = tokens.issue(ACCOUNT, SESSION).value();
        assertThat(tokens.verify(token)).contains(ACCOUNT);
        String[] parts = token.split("\\.");
        String otherPayload = JWT.decode(valid().withSubject(UUID.randomUUID().toString()).sign(Algorithm.HMAC256(SECRET)))
                .getPayload();
        assertThat(tokens.verify(parts[0] + "." + otherPayload + "." + parts[2])).isEmpty();
    }

    @Test
    void verify_manyDistinctTokens_staysBoundedAndKeepsAnswering() {
        for (int i = 0; i < AccessTokens.MAX_REMEMBERED + 10; i++) {
            assertThat(tokens.verify(tokens.issue(ACCOUNT, SESSION).value())).contains(ACCOUNT);
        }
    }

    @Test
    void verify_issuedInTheFuture_rejects() {
        String token = valid().withIssuedAt(clock.instant().plusSeconds(60)).sign(Algorithm.HMAC256(SECRET));
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void verify_wrongSignature_rejects() {
        String token = valid().sign(Algorithm.HMAC256("another-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.US_ASCII)));
        assertThat(tokens.verify(token)).isEmpty();
    }

    @Test
    void verify_otherHmacAlgorithmWithTheSameSecret_rejects() {
        assertThat(tokens.verify(valid().sign(Algorithm.HMAC512(SECRET)))).isEmpty();
    }

    @Test
    void verify_algNone_rejects() {
        String signed = valid().sign(Algorithm.HMAC256(SECRET));
        String payload = signed.split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(tokens.verify(header + "." + payload + ".")).isEmpty();
        assertThat(tokens.verify(valid().sign(Algorithm.none()))).isEmpty();
    }

    /** RFC 7515 4.1.11: an extension marked critical that the verifier does not know means no. java-jwt does not look. */
    @Test
    void verify_headerWithCriticalExtensions_rejects() {
        String critical = valid().withHeader(Map.of("crit", List.of("foo"), "foo", 1)).sign(Algorithm.HMAC256(SECRET));
        String emptyList = valid().withHeader(Map.of("crit", List.of())).sign(Algorithm.HMAC256(SECRET));

        assertThat(tokens.verify(critical)).isEmpty();
        assertThat(tokens.verify(emptyList)).isEmpty();
        assertThat(tokens.verify(valid().withHeader(Map.of("foo", 1)).sign(Algorithm.HMAC256(SECRET)))).isPresent();
    }

    @Test
    void verify_wrongIssuer_rejects() {
        assertThat(tokens.verify(valid().withIssuer("someone-else").sign(Algorithm.HMAC256(SECRET)))).isEmpty();
    }

    @Test
    void verify_wrongAudience_rejects() {
        assertThat(tokens.verify(valid().withAudience("another-api").sign(Algorithm.HMAC256(SECRET)))).isEmpty();
    }

    @Test
    void verify_missingRequiredClaims_rejects() {
        Instant now = clock.instant();
        JWTCreator.Builder noJti = JWT.create().withIssuer("iss-test").withAudience("aud-test")
                .withSubject(ACCOUNT.toString()).withClaim("sid", SESSION.toString()).withIssuedAt(now).withExpiresAt(now.plusSeconds(60));
        JWTCreator.Builder noExp = JWT.create().withIssuer("iss-test").withAudience("aud-test")
                .withSubject(ACCOUNT.toString()).withClaim("sid", SESSION.toString()).withIssuedAt(now).withJWTId("j");
        JWTCreator.Builder noIat = JWT.create().withIssuer("iss-test").withAudience("aud-test")
                .withSubject(ACCOUNT.toString()).withClaim("sid", SESSION.toString()).withExpiresAt(now.plusSeconds(60)).withJWTId("j");
        JWTCreator.Builder noSub = JWT.create().withIssuer("iss-test").withAudience("aud-test")
                .withClaim("sid", SESSION.toString()).withIssuedAt(now).withExpiresAt(now.plusSeconds(60)).withJWTId("j");
        JWTCreator.Builder noSid = JWT.create().withIssuer("iss-test").withAudience("aud-test")
                .withSubject(ACCOUNT.toString()).withIssuedAt(now).withExpiresAt(now.plusSeconds(60)).withJWTId("j");
        for (JWTCreator.Builder builder : new JWTCreator.Builder[] {noJti, noExp, noIat, noSub, noSid}) {
            assertThat(tokens.verify(builder.sign(Algorithm.HMAC256(SECRET)))).isEmpty();
        }
    }

    @Test
    void verifyClaims_ownToken_namesTheAccountAndTheSession() {
        assertThat(tokens.verifyClaims(tokens.issue(ACCOUNT, SESSION).value()))
                .contains(new VerifiedAccessToken(ACCOUNT, SESSION));
    }

    @Test
    void verify_sessionThatIsNoUuidOrNoString_rejects() {
        assertThat(tokens.verify(valid().withClaim("sid", "everything").sign(Algorithm.HMAC256(SECRET)))).isEmpty();
        assertThat(tokens.verify(valid().withClaim("sid", 42).sign(Algorithm.HMAC256(SECRET)))).isEmpty();
    }

    @Test
    void verify_subjectThatIsNoUuid_rejects() {
        assertThat(tokens.verify(valid().withSubject("admin").sign(Algorithm.HMAC256(SECRET)))).isEmpty();
        assertThat(tokens.verify(valid().withSubject(ACCOUNT.value().toString().replace("-", ""))
                .sign(Algorithm.HMAC256(SECRET)))).isEmpty();
    }

    @Test
    void verify_malformedOrOversizedText_rejects() {
        assertThat(tokens.verify("")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
        assertThat(tokens.verify("not-a-jwt")).isEmpty();
        assertThat(tokens.verify("a.b.c")).isEmpty();
        assertThat(tokens.verify("eyJ" + "A".repeat(AccessTokens.MAX_TOKEN_CHARS))).isEmpty();
        String padded = valid().withClaim("padding", "x".repeat(AccessTokens.MAX_TOKEN_CHARS)).sign(Algorithm.HMAC256(SECRET));
        assertThat(tokens.verify(padded)).isEmpty();
    }

    @Test
    void verify_signatureRespelledInItsUnusedBitsOrPadded_rejects_onlyTheIssuedTextVerifies() {
        String token = tokens.issue(ACCOUNT, SESSION).value();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String body = token.substring(0, token.length() - 1);
        int last = alphabet.indexOf(token.charAt(token.length() - 1));

        // 32 bytes in 43 characters: the last character's 2 low bits carry nothing.
        for (int bits = 0; bits < 4; bits++) {
            String spelling = body + alphabet.charAt((last & ~3) | bits);
            assertThat(tokens.verify(spelling)).as(spelling.equals(token) ? "issued" : "respelled")
                    .isEqualTo(spelling.equals(token) ? Optional.of(ACCOUNT) : Optional.empty());
        }
        assertThat(tokens.verify(token + "=")).isEmpty();
        assertThat(tokens.verify(token + ".")).isEmpty();
    }

    @Test
    void verify_headerOrPayloadNotCanonical_rejects() {
        String token = tokens.issue(ACCOUNT, SESSION).value();
        String[] parts = token.split("\\.");

        assertThat(tokens.verify(parts[0] + "==." + parts[1] + "." + parts[2])).isEmpty();
        assertThat(tokens.verify(parts[0] + "." + parts[1] + " ." + parts[2])).isEmpty();
        assertThat(tokens.verify(parts[0] + "." + parts[1] + "." + parts[2] + "A")).isEmpty();
    }

    @Test
    void constructor_shortSecret_isRefused() {
        assertThatThrownBy(() -> new AccessTokens(new byte[31], "i", "a", Duration.ofHours(1), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @Test
    void constructor_blankIssuerOrAudienceOrNoTtl_isRefused() {
        assertThatThrownBy(() -> new AccessTokens(SECRET, " ", "a", Duration.ofHours(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessTokens(SECRET, "i", "", Duration.ofHours(1), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessTokens(SECRET, "i", "a", Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_secretChangedAfterwards_doesNotChangeTheKey() {
        byte[] secret = SECRET.clone();
        AccessTokens own = new AccessTokens(secret, "iss-test", "aud-test", Duration.ofMinutes(30), clock);
        String token = own.issue(ACCOUNT, SESSION).value();
        secret[0] ^= 1;
        assertThat(own.verify(token)).contains(ACCOUNT);
    }

    private JWTCreator.Builder valid() {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer("iss-test")
                .withAudience("aud-test")
                .withSubject(ACCOUNT.toString())
                .withClaim("sid", SESSION.toString())
                .withIssuedAt(now)
                .withExpiresAt(now.plusSeconds(600))
                .withJWTId(UUID.randomUUID().toString());
    }
}
