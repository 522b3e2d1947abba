package dev.authbackbone.domain.signing;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One signing key pair. {@code generation} orders the keys: the highest one signs, and a rotation
 * adds the next generation. The private part is held as its PKCS#8 encoding, the public part as its
 * X.509 {@code SubjectPublicKeyInfo} encoding; {@link #toString()} never shows the private part.
 *
 * @param kid        the key id written into every token's header, stable across instances
 * @param generation 1 for the first key, one more for every rotation
 * @param algorithm  the JWS algorithm this key signs with, such as {@code RS256}
 * @param privateKey PKCS#8 encoding (copied)
 * @param publicKey  X.509 encoding (copied)
 * @param createdAt  when the key was made
 * @param retiredAt  when a newer key replaced it; empty while it is the signing key
 */
public record SigningKey(String kid, long generation, String algorithm, byte[] privateKey, byte[] publicKey,
                         Instant createdAt, Optional<Instant> retiredAt) {

    public SigningKey {
        if (kid == null || kid.isBlank() || kid.length() > 64) {
            throw new IllegalArgumentException("kid: 1 to 64 characters");
        }
        if (generation < 1) {
            throw new IllegalArgumentException("generation: at least 1");
        }
        Objects.requireNonNull(algorithm, "algorithm");
        privateKey = Objects.requireNonNull(privateKey, "privateKey").clone();
        publicKey = Objects.requireNonNull(publicKey, "publicKey").clone();
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(retiredAt, "retiredAt");
    }

    /** A key that has just been made and signs from now on. */
    public static SigningKey issue(String kid, long generation, String algorithm, byte[] privateKey, byte[] publicKey,
                                   Instant now) {
        return new SigningKey(kid, generation, algorithm, privateKey, publicKey, now, Optional.empty());
    }

    @Override
    public byte[] privateKey() {
        return privateKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * Whether a token this key signed may still be live at {@code now}: always while it signs, and
     * for {@code grace} after it was retired (the longest a token lives, plus the time an instance
     * may go on signing with it before it notices the rotation).
     */
    public boolean mayHaveLiveTokens(Instant now, java.time.Duration grace) {
        return retiredAt.map(retired -> retired.plus(grace).isAfter(now)).orElse(true);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey that && kid.equals(that.kid) && generation == that.generation
                && algorithm.equals(that.algorithm) && Arrays.equals(privateKey, that.privateKey)
                && Arrays.equals(publicKey, that.publicKey) && createdAt.equals(that.createdAt)
                && retiredAt.equals(that.retiredAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kid, generation);
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + ", generation=" + generation + ", algorithm=" + algorithm
                + ", privateKey=redacted, createdAt=" + createdAt + ", retiredAt=" + retiredAt.map(Instant::toString).orElse("-") + "]";
    }
}
