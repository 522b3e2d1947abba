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
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's copy of the signing keys. It is re-read by {@link #reload()} (the composition
 * root calls it on a schedule), and in the background when a token names a {@code kid} it does not
 * hold. Such a token is refused at once and never waits for that read: a key signs only once it is
 * older than the publish delay, by which time every instance has re-read it on schedule, so no token
 * we issued names a key this copy lacks. The background read only shortens what a late scheduled
 * read (say, a database outage) leaves behind; one runs at a time, at most once per
 * {@code minReloadGap}, so a flood of made-up {@code kid}s costs a bounded number of reads and holds
 * no request thread.
 */
public final class SigningKeyCache {

    /** The only algorithm keys are used with: verification refuses every other one. */
    public static final String ALGORITHM = "RS256";
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyCache.class);

    private final ReadSigningKeysUseCase source;
    private final Clock clock;
    private final Duration grace;
    private final Duration publishDelay;
    private final Duration minReloadGap;
    private final Executor background;
    private volatile Snapshot snapshot;
    /**
     * {@link System#nanoTime()} when the last read began, whatever started it and whether or not it
     * succeeded (a failing database must not be asked back to back): the gap is real time, whatever
     * the clock says.
     */
    private volatile long lastReadNanos;
    /** Whether a read asked for by an unknown {@code kid} is queued or running: never more than one. */
    private final AtomicBoolean readAsked = new AtomicBoolean();

    /**
     * Reads the keys once; fails when there are none to sign with.
     *
     * @param grace        how long a retired key stays published (token lifetime, publish delay, leeway)
     * @param publishDelay how old a key must be before it signs: longer than every instance takes to
     *                     re-read the keys, so that each publishes it first ({@link SigningKeyRing#signingAt})
     * @param minReloadGap the least time between the starts of two reads asked for by unknown {@code kid}s
     * @param background   where those reads run; never a request's own thread
     */
    public SigningKeyCache(ReadSigningKeysUseCase source, Clock clock, Duration grace, Duration publishDelay,
                           Duration minReloadGap, Executor background) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.grace = Objects.requireNonNull(grace, "grace");
        this.publishDelay = Objects.requireNonNull(publishDelay, "publishDelay");
        this.minReloadGap = Objects.requireNonNull(minReloadGap, "minReloadGap");
        this.background = Objects.requireNonNull(background, "background");
        reload();
    }

    /** Re-reads the keys; the previous copy serves until the new one is complete. */
    public synchronized void reload() {
        lastReadNanos = System.nanoTime();
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

    /**
     * The key to verify a token naming {@code kid} with, from this copy only. An unknown {@code kid} is
     * empty at once; it asks for a read in the background ({@link #readSoon}), which a later token may
     * profit from, never this one.
     */
    Optional<Algorithm> verifierFor(String kid) {
        Algorithm known = snapshot.verifiers().get(kid);
        if (known == null) {
            readSoon();
        }
        return Optional.ofNullable(known);
    }

    /** Starts one background read unless one is under way or the last read began less than the gap ago. */
    private void readSoon() {
        if (!gapPassed() || !readAsked.compareAndSet(false, true)) {
            return;
        }
        // A read may have finished between the first look and winning the flag.
        if (!gapPassed()) {
            readAsked.set(false);
            return;
        }
        lastReadNanos = System.nanoTime();
        try {
            background.execute(this::readInBackground);
        } catch (RejectedExecutionException stopping) {
            readAsked.set(false);
        }
    }

    private boolean gapPassed() {
        return System.nanoTime() - lastReadNanos >= minReloadGap.toNanos();
    }

    private void readInBackground() {
        try {
            reload();
        } catch (RuntimeException e) {
            // Not the kid: it came from the request. The scheduled read tries again anyway.
            LOG.warn("Re-reading the signing keys for an unknown kid failed: {}", e.toString());
        } finally {
            readAsked.set(false);
        }
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
