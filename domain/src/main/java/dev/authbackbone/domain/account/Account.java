package dev.authbackbone.domain.account;

import java.time.Instant;
import java.util.Objects;

/**
 * An account: who a person is to this service. Its addresses are {@link EmailIdentity}s; an
 * operator may disable it, after which it can neither sign in nor link addresses.
 */
public final class Account {

    private final AccountId id;
    private final Instant createdAt;
    private final boolean disabled;

    private Account(AccountId id, Instant createdAt, boolean disabled) {
        this.id = Objects.requireNonNull(id, "id");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.disabled = disabled;
    }

    /** A new, enabled account. */
    public static Account open(AccountId id, Instant now) {
        return new Account(id, now, false);
    }

    /** An account as storage holds it. */
    public static Account restore(AccountId id, Instant createdAt, boolean disabled) {
        return new Account(id, createdAt, disabled);
    }

    public AccountId id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isDisabled() {
        return disabled;
    }

    @Override
    public String toString() {
        return "Account[" + id + (disabled ? ", disabled" : "") + "]";
    }
}
