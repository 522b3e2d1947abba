package dev.authbackbone.domain.token;

import java.util.Arrays;
import java.util.Objects;

/**
 * A server-side secret mixed into every mailed code's hash. A code has only about 39 bits, so its
 * hash alone, read from the database, could be reversed offline in minutes; with this key kept
 * outside the database (derived from a signing secret the deployment keeps in a file or the
 * environment) it cannot. {@link #NONE} where every secret lives in the database anyway: whoever
 * reads it then holds the signing keys too, and needs no code.
 */
public final class CodeKey {

    /** No key: code hashes are salted only. */
    public static final CodeKey NONE = new CodeKey(new byte[0]);

    private final byte[] bytes;

    private CodeKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A key of the given bytes (at least 32 of them: it is meant to be a derived 256-bit secret). */
    public static CodeKey of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < 32) {
            throw new IllegalArgumentException("code key: expected at least 32 bytes, was " + bytes.length);
        }
        return new CodeKey(bytes.clone());
    }

    /** Whether this is {@link #NONE}. */
    public boolean isNone() {
        return bytes.length == 0;
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CodeKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return isNone() ? "CodeKey[none]" : "CodeKey[redacted]";
    }
}
