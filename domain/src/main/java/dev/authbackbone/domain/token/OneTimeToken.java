package dev.authbackbone.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The raw value of a mailed token: 256 random bits, base64url without padding (43 characters).
 * It exists only in memory and in the mail; storage keeps its {@link TokenHash}.
 */
public final class OneTimeToken {

    private static final int BYTES = 32;
    private static final int LENGTH = 43;

    private final String value;

    private OneTimeToken(String value) {
        this.value = value;
    }

    /** A new token from the given source, which must be a CSPRNG outside tests. */
    public static OneTimeToken generate(RandomGenerator random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new OneTimeToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * Reads a token a client presented. Anything that cannot be one of ours is empty, so callers
     * treat it exactly like an unknown token and skip the lookup.
     */
    public static Optional<OneTimeToken> parse(String text) {
        if (text == null || text.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            boolean urlSafe = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!urlSafe) {
                return Optional.empty();
            }
        }
        return Optional.of(new OneTimeToken(text));
    }

    /** The raw value, for building the link in the mail and nothing else. */
    public String reveal() {
        return value;
    }

    /** SHA-256 of the raw value: with 256 random bits a slow hash adds nothing. */
    public TokenHash hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return new TokenHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OneTimeToken that && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), that.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return Objects.hash(hash());
    }

    @Override
    public String toString() {
        return "OneTimeToken[redacted]";
    }
}
