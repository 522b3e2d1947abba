package dev.authbackbone.adapter.in.http.token;

import java.time.Duration;
import java.util.Objects;

/** A freshly signed access token and how long it is valid; {@code toString()} keeps the token out of logs. */
public record IssuedAccessToken(String value, Duration expiresIn) {

    public IssuedAccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresIn, "expiresIn");
    }

    @Override
    public String toString() {
        return "IssuedAccessToken[value=redacted, expiresIn=" + expiresIn + "]";
    }
}
