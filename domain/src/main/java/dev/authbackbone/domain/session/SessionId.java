package dev.authbackbone.domain.session;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** A session's identity: a random (version 4) UUID, carried as {@code sid} in its access tokens. */
public record SessionId(UUID value) {

    public SessionId {
        Objects.requireNonNull(value, "session id");
    }

    /** A fresh version 4 id from {@code random}, which must be a CSPRNG outside tests. */
    public static SessionId generate(RandomGenerator random) {
        long msb = random.nextLong() & ~0xf000L | 0x4000L;
        long lsb = random.nextLong() & ~(0xcL << 60) | (0x8L << 60);
        return new SessionId(new UUID(msb, lsb));
    }

    /** Reads the canonical 36-character form; anything else is empty (no oracle, no exception). */
    public static Optional<SessionId> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID uuid = UUID.fromString(text);
            return uuid.toString().equalsIgnoreCase(text) ? Optional.of(new SessionId(uuid)) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
