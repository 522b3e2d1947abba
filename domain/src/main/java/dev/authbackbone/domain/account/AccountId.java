package dev.authbackbone.domain.account;

import java.util.Objects;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** An account's identity: a random (version 4) UUID, which is also the access token's subject. */
public record AccountId(UUID value) {

    public AccountId {
        Objects.requireNonNull(value, "account id");
    }

    /** A fresh version 4 id from {@code random}, which must be a CSPRNG outside tests. */
    public static AccountId generate(RandomGenerator random) {
        long msb = random.nextLong() & ~0xf000L | 0x4000L;
        long lsb = random.nextLong() & ~(0xcL << 60) | (0x8L << 60);
        return new AccountId(new UUID(msb, lsb));
    }

    /**
     * Reads the canonical 36-character form.
     *
     * @throws IllegalArgumentException when the text is not a UUID in that form
     */
    public static AccountId parse(String text) {
        if (text == null || text.length() != 36) {
            throw new IllegalArgumentException("account id: expected a UUID");
        }
        UUID uuid = UUID.fromString(text);
        if (!uuid.toString().equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("account id: expected a UUID");
        }
        return new AccountId(uuid);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
