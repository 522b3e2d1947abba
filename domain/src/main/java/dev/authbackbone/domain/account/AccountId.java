package dev.authbackbone.domain.account;

import dev.authbackbone.domain.port.out.RandomSource;
import java.util.Objects;
import java.util.UUID;

/** An account's identity: a random (version 4) UUID, which is also the access token's subject. */
public record AccountId(UUID value) {

    public AccountId {
        Objects.requireNonNull(value, "account id");
    }

    /** A fresh id from the given source of randomness. */
    public static AccountId generate(RandomSource random) {
        return new AccountId(random.nextUuid());
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
