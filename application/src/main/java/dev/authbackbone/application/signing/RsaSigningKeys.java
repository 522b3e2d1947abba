package dev.authbackbone.application.signing;

import dev.authbackbone.domain.signing.SigningKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/** Makes RS256 signing keys, named by their RFC 7638 JWK thumbprint so every instance derives the same {@code kid}. */
public final class RsaSigningKeys {

    /** The JWS algorithm of every key made here. */
    public static final String ALGORITHM = "RS256";
    /** The size of generated keys; also the least a configured key must have. */
    public static final int KEY_BITS = 2048;

    private RsaSigningKeys() {
    }

    /** A fresh key pair of {@code generation}, stamped with {@code clock}'s time once it is made. */
    public static SigningKey generate(long generation, Clock clock, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS, random);
            KeyPair pair = generator.generateKeyPair();
            RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
            // Stamped once made, not when asked for: on a busy host making a key took seconds, and a
            // key's wait before it signs (the time every instance has to publish it) counts from this.
            return SigningKey.issue(thumbprint(publicKey), generation, ALGORITHM, pair.getPrivate().getEncoded(),
                    publicKey.getEncoded(), clock.instant());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate RSA keys", e);
        }
    }

    /**
     * The key pair of a configured private key (its public half is derived from the CRT form every
     * PKCS#8 RSA key carries).
     *
     * @throws IllegalArgumentException when the key is shorter than {@value #KEY_BITS} bits
     */
    public static SigningKey of(RSAPrivateCrtKey privateKey, Instant now) {
        if (privateKey.getModulus().bitLength() < KEY_BITS) {
            throw new IllegalArgumentException("an RSA key of " + privateKey.getModulus().bitLength()
                    + " bits; expected an RSA key of at least " + KEY_BITS + " bits");
        }
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return SigningKey.issue(thumbprint(publicKey), 1, ALGORITHM, privateKey.getEncoded(), publicKey.getEncoded(), now);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot read RSA keys", e);
        }
    }

    /** The RFC 7638 thumbprint (SHA-256, base64url): a {@code kid} any party can recompute from the JWK. */
    public static String thumbprint(RSAPublicKey key) {
        String canonical = "{\"e\":\"" + base64Url(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + base64Url(key.getModulus()) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** An unsigned big-endian integer without leading zero octets, base64url without padding (RFC 7518 section 2). */
    public static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
