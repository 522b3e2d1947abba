package dev.authbackbone.domain.session;

import dev.authbackbone.domain.token.OneTimeToken;
import java.util.Objects;

/**
 * A session just started or refreshed, and the raw refresh token to hand to its holder (it exists
 * only in memory and in the answer; {@code toString()} redacts it).
 */
public record StartedSession(SessionId id, OneTimeToken refreshToken) {

    public StartedSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(refreshToken, "refreshToken");
    }

    @Override
    public String toString() {
        return "StartedSession[id=" + id + ", refreshToken=redacted]";
    }
}
