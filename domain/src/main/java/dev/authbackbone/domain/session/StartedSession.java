package dev.authbackbone.domain.session;

import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Instant;
import java.util.Objects;

/**
 * A session just started or refreshed, the raw refresh token to hand to its holder (it exists
 * only in memory and in the answer; {@code toString()} redacts it), and the latest instant the
 * session can live ({@code endsBy}: its sign-in plus the maximum lifetime), which no access token
 * of it may outlast.
 */
public record StartedSession(SessionId id, OneTimeToken refreshToken, Instant endsBy) {

    public StartedSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(endsBy, "endsBy");
    }

    @Override
    public String toString() {
        return "StartedSession[id=" + id + ", refreshToken=redacted, endsBy=" + endsBy + "]";
    }
}
