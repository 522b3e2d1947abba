package dev.authbackbone.domain.token;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A token mailed to an address, as stored: its hash, what it is for, the account it would link the
 * address to (none for sign-in), and when it expires or was used. Usable once, before it expires.
 */
public final class EmailToken {

    private final TokenHash hash;
    private final EmailPurpose purpose;
    private final AccountId account;
    private final EmailAddress email;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final Instant consumedAt;

    private EmailToken(TokenHash hash, EmailPurpose purpose, AccountId account, EmailAddress email,
                       Instant issuedAt, Instant expiresAt, Instant consumedAt) {
        this.hash = Objects.requireNonNull(hash, "hash");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.account = account;
        this.email = Objects.requireNonNull(email, "email");
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.consumedAt = consumedAt;
        if (purpose == EmailPurpose.EMAIL_CONFIRMATION && account == null) {
            throw new IllegalArgumentException("account: a confirmation token links to an account");
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt: must be after issuedAt");
        }
    }

    /** A new token for {@code email}; the raw {@code token} is not kept, only its hash. */
    public static EmailToken issue(OneTimeToken token, EmailPurpose purpose, Optional<AccountId> account,
                                   EmailAddress email, Instant now, Duration ttl) {
        return new EmailToken(token.hash(), purpose, account.orElse(null), email, now, now.plus(ttl), null);
    }

    /** A token as storage holds it. */
    public static EmailToken restore(TokenHash hash, EmailPurpose purpose, Optional<AccountId> account,
                                     EmailAddress email, Instant issuedAt, Instant expiresAt,
                                     Optional<Instant> consumedAt) {
        return new EmailToken(hash, purpose, account.orElse(null), email, issuedAt, expiresAt, consumedAt.orElse(null));
    }

    /** Whether the token can still be used at {@code now}: never used and not yet expired. */
    public boolean isUsableAt(Instant now) {
        return consumedAt == null && now.isBefore(expiresAt);
    }

    /** This token used at {@code now}, or empty when it could not be used any more. */
    public Optional<EmailToken> consumeAt(Instant now) {
        if (!isUsableAt(now)) {
            return Optional.empty();
        }
        return Optional.of(new EmailToken(hash, purpose, account, email, issuedAt, expiresAt, now));
    }

    public TokenHash hash() {
        return hash;
    }

    public EmailPurpose purpose() {
        return purpose;
    }

    public Optional<AccountId> account() {
        return Optional.ofNullable(account);
    }

    public EmailAddress email() {
        return email;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Optional<Instant> consumedAt() {
        return Optional.ofNullable(consumedAt);
    }

    @Override
    public String toString() {
        return "EmailToken[" + purpose + ", account=" + account + ", expiresAt=" + expiresAt
                + (consumedAt == null ? "" : ", consumedAt=" + consumedAt) + "]";
    }
}
