package dev.authbackbone.domain.token;

import java.util.Objects;

/**
 * The stored form of a mailed code: its per-mail {@code salt} (16 bytes) and the keyed PBKDF2 of the
 * code and the address it was mailed to ({@code hex}, 32 bytes), both lower-case hex, with the number
 * of {@code rounds} it was made with (one for new codes, see {@link OneTimeCode}), so that a hash
 * made under an older setting still checks.
 */
public record CodeHash(String salt, String hex, int rounds) {

    public CodeHash {
        Objects.requireNonNull(salt, "salt");
        Objects.requireNonNull(hex, "hex");
        if (!LowerHex.is(salt, 32)) {
            throw new IllegalArgumentException("code salt: expected 32 lower-case hex digits");
        }
        if (!LowerHex.is(hex, 64)) {
            throw new IllegalArgumentException("code hash: expected 64 lower-case hex digits");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("code hash rounds: expected at least 1, was " + rounds);
        }
    }
}
