package dev.authbackbone.adapter.in.http.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.session.SessionId;
import dev.authbackbone.domain.signing.SigningKey;
import dev.authbackbone.domain.signing.SigningKeyRing;
import dev.authbackbone.domain.testing.MutableClock;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccessTokensWithKeysTest {

    private static final AccountId ACCOUNT = new AccountId(UUID.fromString("6a8c1f4e-2b3d-4e5f-8a9b-0c1d2e3f4a5b"));
    private static final SessionId SESSION = new SessionId(UUID.fromString("7b9d2a5f-3c4e-4f6a-9b0c-1d2e3f4a5b6c"));
    private static final KeyPair FIRST = pair();
    private static final KeyPair SECOND = pair();
    private static final Duration GRACE = Duration.ofMinutes(20);
    /** Long enough that nothing in a test between a read and the next look at the gap takes as long. */
    private static final Duration GAP = Duration.ofMillis(300);
    private static final Duration PUBLISH_DELAY = Duration.ofSeconds(35);

    private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
    private final List<SigningKey> stored = new ArrayList<>(List.of(key("k1", 1, FIRST, clock.instant())));
    private final AtomicInteger reads = new AtomicInteger();
    /** The background reads the cache asked for, run only when a test says so. */
    private final Queue<Runnable> asked = new ArrayDeque<>();
    private final SigningKeyCache cache = new SigningKeyCache(() -> {
        reads.incrementAndGet();
        return new SigningKeyRing(List.copyOf(stored));
    }, clock, GRACE, PUBLISH_DELAY, GAP, asked::add);
    private final AccessTokens tokens = new AccessTokens(cache, "iss-test", "aud-test", Duration.ofMinutes(15), clock);

    @Test
    void issue_isRs256WithTheCurrentKid_andVerifies() {
        String token = tokens.issue(ACCOUNT, SESSION).value();
        DecodedJWT jwt = JWT.decode(token);

        assertThat(jwt.getAlgorithm()).isEqualTo("RS256");
        assertThat(jwt.getKeyId()).isEqualTo("k1");
        // Throws unless the signature is FIRST's.
        Algorithm.RSA256((RSAPublicKey) FIRST.getPublic(), null).verify(jwt);
        assertThat(tokens.verify(token)).contains(ACCOUNT);
        assertThat(tokens.signsWithKeys()).isTrue();
    }

    @Test
    void verify_hmacKeyedWithOurPublicKey_rejects() {
        String confused = JWT.create().withKeyId("k1").withIssuer("iss-test").withAudience("aud-test")
                .withSubject(ACCOUNT.toString()).withClaim("sid", SESSION.toString()).withIssuedAt(clock.instant()).withExpiresAt(clock.instant().plusSeconds(60))
                .withJWTId("j").sign(Algorithm.HMAC256(FIRST.getPublic().getEncoded()));

        assertThat(tokens.verify(confused)).isEmpty();
    }

    @Test
    void verify_foreignKeyClaimingOurKid_rejects() {
        assertThat(tokens.verify(signed("k1", SECOND))).isEmpty();
    }

    @Test
    void verify_kidAddedElsewhere_isRefusedWithoutARead_thenAcceptedOnceTheBackgroundReadRan() throws InterruptedException {
        Thread.sleep(GAP.toMillis());
        int before = reads.get();
        clock.advance(Duration.ofSeconds(2));
        stored.add(key("k2", 2, SECOND, clock.instant()));
        String token = signed("k2", SECOND);

        assertThat(tokens.verify(token)).as("never waits for a read").isEmpty();
        assertThat(reads.get()).as("no read on the caller's thread").isEqualTo(before);
        assertThat(asked).hasSize(1);
        asked.remove().run();
        assertThat(reads.get()).isEqualTo(before + 1);
        assertThat(tokens.verify(token)).contains(ACCOUNT);
        assertThat(asked).isEmpty();
    }

    @Test
    void issue_afterARotation_signsWithTheNewKeyOnlyOnceEveryInstanceHadTheTimeToPublishIt() {
        clock.advance(Duration.ofDays(30));
        stored.add(key("k2", 2, SECOND, clock.instant()));
        cache.reload();

        assertThat(cache.published()).extracting(SigningKeyCache.PublishedKey::kid).contains("k2");
        assertThat(JWT.decode(tokens.issue(ACCOUNT, SESSION).value()).getKeyId()).as("published, not signing yet").isEqualTo("k1");
        clock.advance(PUBLISH_DELAY.minusMillis(1));
        assertThat(JWT.decode(tokens.issue(ACCOUNT, SESSION).value()).getKeyId()).isEqualTo("k1");
        clock.advance(Duration.ofMillis(1));
        assertThat(JWT.decode(tokens.issue(ACCOUNT, SESSION).value()).getKeyId()).as("without a re-read").isEqualTo("k2");
    }

    @Test
    void verify_floodOfUnknownKids_asksForOneReadAtATime_andNoneWithinTheGapOfTheLast() throws InterruptedException {
        List<String> madeUp = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            madeUp.add(signed("made-up-" + i, SECOND));
        }
        Thread.sleep(GAP.toMillis());

        madeUp.forEach(token -> assertThat(tokens.verify(token)).isEmpty());
        assertThat(asked).as("one read while one is pending").hasSize(1);
        asked.remove().run();
        madeUp.forEach(token -> assertThat(tokens.verify(token)).isEmpty());
        assertThat(asked).as("none within the gap of the last read").isEmpty();

        Thread.sleep(GAP.toMillis());
        assertThat(tokens.verify(madeUp.get(0))).isEmpty();
        assertThat(asked).as("one more once the gap has passed").hasSize(1);
    }

    @Test
    void verify_unknownKidWhileTheStoreFails_isRefused_andTheFailedReadCountsTowardTheGap() throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();
        SigningKeyCache failing = new SigningKeyCache(() -> {
            if (attempts.incrementAndGet() > 1) {
                throw new IllegalStateException("the database is down");
            }
            return new SigningKeyRing(List.copyOf(stored));
        }, clock, GRACE, PUBLISH_DELAY, GAP, asked::add);
        AccessTokens onFailing = new AccessTokens(failing, "iss-test", "aud-test", Duration.ofMinutes(15), clock);
        String unknown = signed("k2", SECOND);
        String known = signed("k1", FIRST);
        Thread.sleep(GAP.toMillis());

        assertThat(onFailing.verify(unknown)).isEmpty();
        asked.remove().run();
        assertThat(attempts.get()).isEqualTo(2);
        assertThat(onFailing.verify(unknown)).isEmpty();
        assertThat(asked).as("a failed read counts toward the gap too").isEmpty();
        assertThat(onFailing.verify(known)).as("the copy read before still serves").contains(ACCOUNT);
    }

    @Test
    void published_keepsTheRetiredKeyForTheGraceThenDropsIt() {
        clock.advance(Duration.ofDays(30));
        Instant rotated = clock.instant();
        stored.set(0, new SigningKey("k1", 1, "RS256", FIRST.getPrivate().getEncoded(), FIRST.getPublic().getEncoded(),
                stored.get(0).createdAt(), Optional.of(rotated)));
        stored.add(key("k2", 2, SECOND, rotated));
        String old = signed("k1", FIRST);
        cache.reload();

        assertThat(cache.published()).extracting(SigningKeyCache.PublishedKey::kid).containsExactly("k2", "k1");
        assertThat(tokens.verify(old)).contains(ACCOUNT);
        clock.advance(GRACE);
        cache.reload();
        assertThat(cache.published()).extracting(SigningKeyCache.PublishedKey::kid).containsExactly("k2");
        assertThat(cache.toString()).doesNotContain("PRIVATE");
    }

    private String signed(String kid, KeyPair pair) {
        Instant now = clock.instant();
        return JWT.create().withKeyId(kid).withIssuer("iss-test").withAudience("aud-test").withSubject(ACCOUNT.toString()).withClaim("sid", SESSION.toString())
                .withIssuedAt(now).withExpiresAt(now.plusSeconds(600)).withJWTId(UUID.randomUUID().toString())
                .sign(Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate()));
    }

    private static SigningKey key(String kid, long generation, KeyPair pair, Instant at) {
        return SigningKey.issue(kid, generation, "RS256", pair.getPrivate().getEncoded(), pair.getPublic().getEncoded(), at);
    }

    private static KeyPair pair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
