package dev.authbackbone.domain.account;

import java.time.Instant;
import dev.authbackbone.domain.reason.Reason;
import java.util.Objects;
import java.util.Optional;

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

    /** Whether this account may act (sign in, link addresses, see itself): the one place that says so. */
    public AccountStanding standing() {
        return disabled ? new AccountStanding.Refused(Reason.ACCOUNT_DISABLED, Optional.of(this))
                : new AccountStanding.MayAct(this);
    }

    /** The standing of an account that may not exist: an unknown account may not act either. */
    public static AccountStanding standingOf(Optional<Account> found) {
        return found.map(Account::standing)
                .orElseGet(() -> new AccountStanding.Refused(Reason.UNKNOWN_ACCOUNT, Optional.empty()));
    }

    /** Whether this account is not {@code other} (an absent account is another one). */
    public boolean isOtherThan(Optional<AccountId> other) {
        return other.map(id -> !id.equals(this.id)).orElse(true);
    }

    @Override
    public String toString() {
        return "Account[" + id + (disabled ? ", disabled" : "") + "]";
    }
}
