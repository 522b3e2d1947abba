package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import java.time.Instant;
import java.util.UUID;

/** Accounts for tests: {@code anAccount().disabled().build()}; every field has a fixed default. */
public final class AccountTestData {

    public static final AccountId ID = new AccountId(UUID.fromString("3f1d7c2e-8a4b-4c5d-9e6f-0a1b2c3d4e5f"));
    public static final Instant CREATED_AT = Instant.parse("2026-01-01T08:00:00Z");

    private AccountId id = ID;
    private Instant createdAt = CREATED_AT;
    private boolean disabled;

    private AccountTestData() {}

    /** An enabled account with the default id and creation time. */
    public static AccountTestData anAccount() {
        return new AccountTestData();
    }

    public AccountTestData id(AccountId id) {
        this.id = id;
        return this;
    }

    public AccountTestData createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    public AccountTestData disabled() {
        this.disabled = true;
        return this;
    }

    public Account build() {
        return Account.restore(id, createdAt, disabled);
    }
}
