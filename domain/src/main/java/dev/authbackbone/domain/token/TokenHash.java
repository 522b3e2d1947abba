package dev.authbackbone.domain.token;

import java.util.Objects;

/** The stored form of a token: the lower-case hex SHA-256 of its raw value. */
public record TokenHash(String hex) {

    public TokenHash {
        Objects.requireNonNull(hex, "hex");
        if (!LowerHex.is(hex, 64)) {
            throw new IllegalArgumentException("token hash: expected 64 lower-case hex digits");
        }
    }
}
