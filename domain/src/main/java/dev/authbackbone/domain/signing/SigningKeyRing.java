package dev.authbackbone.domain.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every stored signing key, newest generation first, and the decisions made over them: which key
 * signs, which public keys are published, whether a rotation is due.
 */
public record SigningKeyRing(List<SigningKey> keys) {

    public SigningKeyRing {
        keys = keys.stream().sorted(Comparator.comparingLong(SigningKey::generation).reversed()).toList();
    }

    /** No keys yet: the state of a database no instance has started on. */
    public static SigningKeyRing empty() {
        return new SigningKeyRing(List.of());
    }

    /** The newest generation: the key a rotation replaces, and soon signs with ({@link #signingAt}). */
    public Optional<SigningKey> current() {
        return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(0));
    }

    /**
     * The key new tokens are signed with at {@code now}: the newest one stored at least
     * {@code publishDelay} ago, so that every instance, re-reading the keys more often than that,
     * publishes a key before any instance signs with it; the oldest one when none is that old (the
     * first key of a new database, or its successor made just after it).
     */
    public Optional<SigningKey> signingAt(Instant now, Duration publishDelay) {
        return keys.stream().filter(k -> !k.createdAt().plus(publishDelay).isAfter(now)).findFirst()
                .or(() -> keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(keys.size() - 1)));
    }

    /** The generation the next rotation adds. */
    public long nextGeneration() {
        return current().map(k -> k.generation() + 1).orElse(1L);
    }

    /** The key named {@code kid}, retired or not. */
    public Optional<SigningKey> byKid(String kid) {
        return keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
    }

    /** The keys whose tokens may still be live at {@code now}: what a JWKS publishes. */
    public List<SigningKey> published(Instant now, Duration grace) {
        return keys.stream().filter(k -> k.mayHaveLiveTokens(now, grace)).toList();
    }

    /** Whether the signing key is older than {@code interval} (or there is none) at {@code now}. */
    public boolean rotationDue(Instant now, Duration interval) {
        return current().map(k -> !k.createdAt().plus(interval).isAfter(now)).orElse(true);
    }
}
