package dev.authbackbone.application.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.port.in.signing.RotateSigningKeyResult;
import dev.authbackbone.domain.port.in.signing.RotateSigningKeyUseCase.Trigger;
import dev.authbackbone.domain.signing.SigningKey;
import dev.authbackbone.domain.testing.InMemorySigningKeyRepository;
import dev.authbackbone.domain.testing.MutableClock;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigningKeyServiceTest {

    private static final Duration INTERVAL = Duration.ofDays(30);
    private static final Duration GRACE = Duration.ofMinutes(17);

    private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
    private final InMemorySigningKeyRepository keys = new InMemorySigningKeyRepository();
    private final SigningKeyService service = new SigningKeyService(keys, clock, new SecureRandom(), INTERVAL, GRACE);

    @Test
    void scheduleOnAnEmptyDatabase_generatesTheFirstKey_namedByItsThumbprint() throws Exception {
        RotateSigningKeyResult result = service.rotate(Trigger.SCHEDULE);

        assertThat(result).isInstanceOf(RotateSigningKeyResult.Rotated.class);
        SigningKey key = service.read().current().orElseThrow();
        assertThat(key.generation()).isEqualTo(1);
        assertThat(key.algorithm()).isEqualTo("RS256");
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(key.publicKey()));
        assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);
        assertThat(key.kid()).isEqualTo(RsaSigningKeys.thumbprint(publicKey)).isEqualTo(result.kid());
        assertThat(key.toString()).contains("privateKey=redacted");
    }

    /**
     * Making a key took seconds on a busy host; stamped with the time the rotation began, the key had
     * spent its wait before signing (the time other instances have to publish it) before anyone
     * could read it, and their verifiers refused its first tokens (an outside probe, 3 instances).
     */
    @Test
    void rotation_stampsTheKeyOnceMade_notWhenTheRotationBegan() {
        Instant began = Instant.parse("2026-03-01T12:00:00Z");
        MutableClock slowHost = new MutableClock(began).tickOnEveryRead(Duration.ofSeconds(5));
        SigningKeyService onASlowHost = new SigningKeyService(keys, slowHost, new SecureRandom(), INTERVAL, GRACE);

        onASlowHost.rotate(Trigger.OPERATOR);

        assertThat(keys.all().current().orElseThrow().createdAt()).isAfter(began);
    }

    @Test
    void schedule_beforeTheInterval_isNotDue_andAtTheInterval_rotates() {
        service.rotate(Trigger.SCHEDULE);
        String first = service.read().current().orElseThrow().kid();

        clock.advance(INTERVAL.minusSeconds(1));
        assertThat(service.rotate(Trigger.SCHEDULE)).isEqualTo(new RotateSigningKeyResult.NotDue(first));
        clock.advance(Duration.ofSeconds(1));
        RotateSigningKeyResult rotated = service.rotate(Trigger.SCHEDULE);

        assertThat(rotated).isInstanceOf(RotateSigningKeyResult.Rotated.class);
        assertThat(service.read().keys()).hasSize(2);
        assertThat(service.read().byKid(first).orElseThrow().retiredAt()).contains(clock.instant());
    }

    @Test
    void operator_rotatesAtOnce_andRetiredKeysGoOnlyAfterTheGrace() {
        service.rotate(Trigger.SCHEDULE);
        String first = service.read().current().orElseThrow().kid();
        service.rotate(Trigger.OPERATOR);

        assertThat(service.read().published(clock.instant(), GRACE)).hasSize(2);
        clock.advance(GRACE.minusSeconds(1));
        service.rotate(Trigger.OPERATOR);
        assertThat(service.read().byKid(first)).as("still within the grace").isPresent();
        clock.advance(Duration.ofSeconds(2));
        service.rotate(Trigger.OPERATOR);

        assertThat(service.read().byKid(first)).isEmpty();
        assertThat(service.read().current().orElseThrow().generation()).isEqualTo(4);
    }
}
