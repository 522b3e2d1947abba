package dev.authbackbone.domain.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sessions live: {@code idleTtl} without a refresh (AUTH_REFRESH_TOKEN_TTL), and at most
 * {@code maxTtl} after sign-in (AUTH_SESSION_MAX_TTL), whatever is refreshed.
 */
public record SessionPolicy(Duration idleTtl, Duration maxTtl) {

    /** The defaults: 30 days without use, 90 days at most. */
    public static final SessionPolicy DEFAULT = new SessionPolicy(Duration.ofDays(30), Duration.ofDays(90));

    public SessionPolicy {
        Objects.requireNonNull(idleTtl, "idleTtl");
        Objects.requireNonNull(maxTtl, "maxTtl");
        if (idleTtl.getSeconds() < 1 || maxTtl.getSeconds() < 1) {
            throw new IllegalArgumentException("session lifetimes: at least one second each");
        }
    }
}
