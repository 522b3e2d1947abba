package dev.authbackbone.adapter.in.http.token;

import com.auth0.jwt.algorithms.Algorithm;
import dev.authbackbone.domain.port.in.signing.ReadSigningKeysUseCase;
import dev.authbackbone.domain.signing.SigningKey;
import dev.authbackbone.domain.signing.SigningKeyRing;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * This instance's copy of the signing keys. It is re-read by {@link #reload()} (the composition
 * root calls it on a schedule) and when a token names a {@code kid} it does not hold, so that a
 * token signed on another instance just after a rotation is accepted here. Such re-reads come at
 * most once per {@code minReloadGap}: a token that arrives sooner after the last read waits out the
 * rest of the gap and then gets a read of its own (the rotation may have committed just after the
 * last read), so a live token is never refused, and a flood of made-up {@code kid}s costs at most
 * one read per gap and a wait of one gap for each of its own requests only.
 */
public final class SigningKeyCache {

    /** The only algorithm keys are used with: verification refuses every other one. */
    public static final String ALGORITHM = "RS256";

    private final ReadSigningKeysUseCase source;
    private final Clock clock;
    private final Duration grace;
    private final Duration publishDelay;
    private final Duration minReloadGap;
    private volatile Snapshot snapshot;
    /** {@link System#nanoTime()} at the start of the last completed read: the gap is real time, whatever the clock says. */
    private long lastReloadNanos;

    /**
     * Reads the keys once; fails when there are none to sign with.
     *
     * @param grace        how long a retired key stays published (token lifetime, publish delay, leeway)
     * @param publishDelay how old a key must be before it signs: longer than every instance takes to
     *                     re-read the keys, so that each publishes it first ({@link SigningKeyRing#signingAt})
     */
    public SigningKeyCache(ReadSigningKeysUseCase source, Clock clock, Duration grace, Duration publishDelay,
                           Duration minReloadGap) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.publishDelay = Objects.requireNonNull(publishDelay, "publishDelay");
        this.minReloadGap = Objects.requireNonNull(minReloadGap, "minReloadGap");
        reload();
    }

    /** Re-reads the keys; the previous copy serves until the new one is complete. */
    public synchronized void reload() {
        long started = System.nanoTime();
        SigningKeyRing ring = source.read();
        if (ring.current().isEmpty()) {
            throw new IllegalStateException("no signing key is stored");
        }
        Map<String, Algorithm> verifiers = new HashMap<>();
        Map<String, RSAPublicKey> publicKeys = new HashMap<>();
        Map<String, Signer> signers = new HashMap<>();
        for (SigningKey key : ring.keys()) {
            if (key.algorithm().equals(ALGORITHM)) {
                RSAPublicKey publicKey = publicKey(key);
                publicKeys.put(key.kid(), publicKey);
                verifiers.put(key.kid(), Algorithm.RSA256(publicKey, null));
                // Each may be the one to sign with at some moment before the next read (a handful of keys).
                signers.put(key.kid(), new Signer(key.kid(), Algorithm.RSA256(publicKey, privateKey(key))));
            }
        }
        List<PublishedKey> published = ring.published(clock.instant(), grace).stream()
                .filter(k -> publicKeys.containsKey(k.kid()))
                .map(k -> PublishedKey.of(k.kid(), publicKeys.get(k.kid())))
                .toList();
        snapshot = new Snapshot(ring, Map.copyOf(signers), Map.copyOf(verifiers), published);
        lastReloadNanos = started;
    }

    /** The {@code kid} new tokens carry now. */
    public String currentKid() {
        return signer().kid();
    }

    /** The key to sign with now: a new key only once every instance has had the time to publish it. */
    Signer signer() {
        Snapshot keys = snapshot;
        return keys.signers().get(keys.ring().signingAt(clock.instant(), publishDelay).orElseThrow().kid());
    }

    /** The key to verify a token naming {@code kid} with, re-reading the keys once if it is not known here yet. */
    Optional<Algorithm> verifierFor(String kid) {
        Algorithm known = snapshot.verifiers().get(kid);
        if (known != null) {
            return Optional.of(known);
        }
        long asked = System.nanoTime();
        synchronized (this) {
            long due = lastReloadNanos + minReloadGap.toNanos();
            try {
                for (long left = due - System.nanoTime(); left > 0 && snapshot.verifiers().get(kid) == null;
                     left = due - System.nanoTime()) {
                    // Releases the lock while waiting; a read by another thread meanwhile also wakes no one, so
                    // the loop re-checks the kid and the time.
                    wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.ofNullable(snapshot.verifiers().get(kid));
            }
            // Read again only if no completed read began after this token arrived: one that did saw every key
            // committed before the token was signed.
            if (snapshot.verifiers().get(kid) == null && lastReloadNanos - asked < 0) {
                reload();
            }
        }
        return Optional.ofNullable(snapshot.verifiers().get(kid));
    }

    /** The public keys whose tokens may still be live: what the JWKS shows. Never a private part. */
    public List<PublishedKey> published() {
        return snapshot.published();
    }

    private static RSAPublicKey publicKey(SigningKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(key.publicKey()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + key.kid() + ": the stored public key is not an RSA key", e);
        }
    }

    private static RSAPrivateKey privateKey(SigningKey key) {
        byte[] encoded = key.privateKey();
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            // Not the exception's message: some providers quote the input.
            throw new IllegalStateException("signing key " + key.kid() + ": the stored private key is not an RSA key");
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "SigningKeyCache[current=" + currentKid() + ", published=" + snapshot.published().size() + "]";
    }

    private record Snapshot(SigningKeyRing ring, Map<String, Signer> signers, Map<String, Algorithm> verifiers,
                            List<PublishedKey> published) {
    }

    /** The signing key and its kid, taken together from one snapshot. */
    record Signer(String kid, Algorithm algorithm) {
    }

    /** One public key as a JWK (RFC 7517) carries it: RSA modulus and exponent, base64url without padding. */
    public record PublishedKey(String kid, String kty, String alg, String use, String n, String e) {

        static PublishedKey of(String kid, RSAPublicKey key) {
            return new PublishedKey(kid, "RSA", ALGORITHM, "sig", base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
        }

        private static String base64Url(BigInteger value) {
            byte[] bytes = value.toByteArray();
            if (bytes.length > 1 && bytes[0] == 0) {
                bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }
}
