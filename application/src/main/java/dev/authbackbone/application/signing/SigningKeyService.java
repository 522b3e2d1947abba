package dev.authbackbone.application.signing;

import dev.authbackbone.domain.port.in.signing.ReadSigningKeysUseCase;
import dev.authbackbone.domain.port.in.signing.RotateSigningKeyResult;
import dev.authbackbone.domain.port.in.signing.RotateSigningKeyUseCase;
import dev.authbackbone.domain.port.out.SigningKeyRepository;
import dev.authbackbone.domain.signing.SigningKey;
import dev.authbackbone.domain.signing.SigningKeyRing;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Keys kept in the database. A rotation adds the next generation with a conditional insert, so
 * when instances rotate together one wins and the others adopt its key; keys retired longer ago
 * than the grace (no token they signed can still be live) are deleted on the way.
 */
public final class SigningKeyService implements RotateSigningKeyUseCase, ReadSigningKeysUseCase {

    private final SigningKeyRepository keys;
    private final Clock clock;
    private final SecureRandom random;
    private final Duration interval;
    private final Duration grace;

    /**
     * @param interval how old the signing key may grow before the schedule rotates it
     * @param grace    how long a retired key's tokens may still be live (token lifetime, key refresh, leeway)
     */
    public SigningKeyService(SigningKeyRepository keys, Clock clock, SecureRandom random, Duration interval, Duration grace) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    @Override
    public SigningKeyRing read() {
        return keys.all();
    }

    @Override
    public RotateSigningKeyResult rotate(Trigger trigger) {
        Instant now = clock.instant();
        SigningKeyRing ring = keys.all();
        if (trigger == Trigger.SCHEDULE && !ring.rotationDue(now, interval)) {
            return new RotateSigningKeyResult.NotDue(ring.current().orElseThrow().kid());
        }
        keys.deleteRetiredBefore(now.minus(grace));
        SigningKey next = RsaSigningKeys.generate(ring.nextGeneration(), clock, random);
        if (keys.addIfNextGeneration(next)) {
            return new RotateSigningKeyResult.Rotated(next.kid(), next.generation());
        }
        return new RotateSigningKeyResult.RotatedElsewhere(keys.all().current().orElseThrow().kid());
    }
}
