package dev.authbackbone.domain.token;

import dev.authbackbone.domain.email.EmailAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The short code mailed next to a link, for typing on the device that asked: {@value #LENGTH}
 * characters from {@value #ALPHABET}, an alphabet without look-alikes (no 0/O, 1/I/L, no U). It
 * exists only in memory and in the mail; storage keeps a salted, keyed {@link CodeHash} bound to the
 * address it was mailed to.
 */
public final class OneTimeCode {

    /** Crockford's base 32 without 0 and 1, which read like O and I: 30 symbols. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Characters in a code: 30^8 ≈ 6.6 × 10^11 codes. */
    public static final int LENGTH = 8;

    /**
     * PBKDF2 rounds for new codes: one, a single salted HMAC with the {@link CodeKey} in it. Against
     * someone who has read the table, the key (kept outside the database) protects a code, not
     * stretching; where there is no such key, the reader holds the signing keys too and needs no
     * code. Online, a code is bounded by the five checks a mail allows, not by a check's cost. 1,000
     * rounds cost every mailed link about 2.5 ms of CPU (ADR 0016); rows hashed with them still
     * check, since each stored hash names its rounds.
     */
    static final int ROUNDS = 1;
    private static final int SALT_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();

    private final String value;

    private OneTimeCode(String value) {
        this.value = value;
    }

    /** A new code from the given source, which must be a CSPRNG outside tests; each symbol uniform. */
    public static OneTimeCode generate(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new OneTimeCode(code.toString());
    }

    /**
     * Reads a code a person typed: case, spaces and hyphens do not matter. Anything that cannot be a
     * code is empty, and callers treat it like a wrong code without looking anything up.
     */
    public static Optional<OneTimeCode> parse(String text) {
        if (text == null || text.length() > 4 * LENGTH) {
            return Optional.empty();
        }
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toUpperCase(text.charAt(i));
            if (c == ' ' || c == '-') {
                continue;
            }
            if (c > 127 || ALPHABET.indexOf(c) < 0 || code.length() == LENGTH) {
                return Optional.empty();
            }
            code.append(c);
        }
        return code.length() == LENGTH ? Optional.of(new OneTimeCode(code.toString())) : Optional.empty();
    }

    /** The code as mailed, for the mail's text and nothing else. */
    public String reveal() {
        return value;
    }

    /**
     * The stored form of this code mailed to {@code email}, with a fresh salt from {@code random} and
     * {@code key} mixed in.
     */
    public CodeHash hashFor(EmailAddress email, CodeKey key, RandomGenerator random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new CodeHash(HEX.formatHex(salt), derive(salt, email, key, ROUNDS), ROUNDS);
    }

    /**
     * Whether this is the code {@code stored} was made of for {@code email} with {@code key};
     * compared in constant time. A hash of more than {@link #ROUNDS} rounds was made before codes
     * were keyed, and is checked without the key.
     */
    public boolean matches(CodeHash stored, EmailAddress email, CodeKey key) {
        CodeKey used = stored.rounds() == ROUNDS ? key : CodeKey.NONE;
        byte[] presented = HEX.parseHex(derive(HEX.parseHex(stored.salt()), email, used, stored.rounds()));
        return MessageDigest.isEqual(presented, HEX.parseHex(stored.hex()));
    }

    /**
     * PBKDF2-HMAC-SHA256, one 32-byte block: the code is the password; the salt is the row's salt,
     * a zero byte and the address, then (with a key) another zero byte and the key.
     */
    private String derive(byte[] salt, EmailAddress email, CodeKey key, int rounds) {
        byte[] address = email.canonical().getBytes(StandardCharsets.UTF_8);
        byte[] secret = key.bytes();
        int keyPart = secret.length == 0 ? 0 : 1 + secret.length;
        byte[] block = new byte[salt.length + 1 + address.length + keyPart + 4];
        System.arraycopy(salt, 0, block, 0, salt.length);
        block[salt.length] = 0;
        System.arraycopy(address, 0, block, salt.length + 1, address.length);
        if (keyPart > 0) {
            block[salt.length + 1 + address.length] = 0;
            System.arraycopy(secret, 0, block, salt.length + 2 + address.length, secret.length);
        }
        block[block.length - 1] = 1;
        HmacSha256 hmac = new HmacSha256(value.getBytes(StandardCharsets.US_ASCII));
        byte[] u = hmac.of(block);
        byte[] t = u.clone();
        for (int round = 1; round < rounds; round++) {
            u = hmac.of(u);
            for (int i = 0; i < t.length; i++) {
                t[i] ^= u[i];
            }
        }
        return HEX.formatHex(t);
    }

    /** HMAC-SHA256 over {@link MessageDigest} (RFC 2104), its keyed pads hashed once and cloned per use. */
    private static final class HmacSha256 {
        private final MessageDigest inner;
        private final MessageDigest outer;

        HmacSha256(byte[] key) {
            byte[] inPad = new byte[64];
            byte[] outPad = new byte[64];
            for (int i = 0; i < 64; i++) {
                byte k = i < key.length ? key[i] : 0;
                inPad[i] = (byte) (k ^ 0x36);
                outPad[i] = (byte) (k ^ 0x5c);
            }
            inner = sha256();
            inner.update(inPad);
            outer = sha256();
            outer.update(outPad);
        }

        byte[] of(byte[] message) {
            try {
                MessageDigest in = (MessageDigest) inner.clone();
                MessageDigest out = (MessageDigest) outer.clone();
                return out.digest(in.digest(message));
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
            }
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }

    @Override
    public String toString() {
        return "OneTimeCode[redacted]";
    }
}
