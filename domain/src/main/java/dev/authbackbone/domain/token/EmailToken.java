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
 * A {@linkplain #isPlaceholder() placeholder} stands for a confirmation request that cannot bring
 * a link (it mailed a notice instead, or another account took the address since): spent, so nothing
 * redeems it, yet listed among the requester's pending confirmations until it expires, so the
 * requester sees the same as for a link.
 */
public final class EmailToken {

    private final TokenHash hash;
    private final EmailPurpose purpose;
    private final AccountId account;
    private final EmailAddress email;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final Instant consumedAt;
    private final boolean placeholder;

    private EmailToken(TokenHash hash, EmailPurpose purpose, AccountId account, EmailAddress email,
                       Instant issuedAt, Instant expiresAt, Instant consumedAt, boolean placeholder) {
        this.hash = Objects.requireNonNull(hash, "hash");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.account = account;
        this.email = Objects.requireNonNull(email, "email");
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.consumedAt = consumedAt;
        this.placeholder = placeholder;
        if (placeholder && consumedAt == null) {
            throw new IllegalArgumentException("consumedAt: a placeholder is always spent");
        }
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
        return new EmailToken(token.hash(), purpose, account.orElse(null), email, now, now.plus(ttl), null, false);
    }

    /** A token as storage holds it. */
    public static EmailToken restore(TokenHash hash, EmailPurpose purpose, Optional<AccountId> account,
                                     EmailAddress email, Instant issuedAt, Instant expiresAt,
                                     Optional<Instant> consumedAt) {
        return restore(hash, purpose, account, email, issuedAt, expiresAt, consumedAt, false);
    }

    /** A token as storage holds it, stating whether it is a {@linkplain #isPlaceholder() placeholder}. */
    public static EmailToken restore(TokenHash hash, EmailPurpose purpose, Optional<AccountId> account,
                                     EmailAddress email, Instant issuedAt, Instant expiresAt,
                                     Optional<Instant> consumedAt, boolean placeholder) {
        return new EmailToken(hash, purpose, account.orElse(null), email, issuedAt, expiresAt, consumedAt.orElse(null),
                placeholder);
    }

    /** Whether the token can still be used at {@code now}: never used and not yet expired. */
    public boolean isUsableAt(Instant now) {
        return consumedAt == null && now.isBefore(expiresAt);
    }

    /**
     * Whether the requester still sees this token as a confirmation waiting for its address at
     * {@code now}: unexpired, and either usable or a placeholder.
     */
    public boolean isPendingAt(Instant now) {
        return now.isBefore(expiresAt) && (consumedAt == null || placeholder);
    }

    /** This token used at {@code now}, or empty when it could not be used any more. */
    public Optional<EmailToken> consumeAt(Instant now) {
        if (!isUsableAt(now)) {
            return Optional.empty();
        }
        return Optional.of(new EmailToken(hash, purpose, account, email, issuedAt, expiresAt, now, placeholder));
    }

    /**
     * This token made unusable at {@code now} because {@code holder} has just been given its address,
     * or empty when it was not usable any more. A confirmation another account asked for stays
     * listed as a placeholder until it expires: that requester sees what it would have seen had the
     * address been verified before it asked, so it does not learn when somebody took the address.
     */
    public Optional<EmailToken> revokeAt(Instant now, AccountId holder) {
        if (!isUsableAt(now)) {
            return Optional.empty();
        }
        boolean othersRequest = purpose == EmailPurpose.EMAIL_CONFIRMATION && !holder.equals(account);
        return Optional.of(new EmailToken(hash, purpose, account, email, issuedAt, expiresAt, now, othersRequest));
    }

    /**
     * This fresh token as the placeholder of a request that mails no link: spent at {@code now}, so
     * no redemption can ever use it, and listed as pending until it expires.
     */
    public EmailToken asPlaceholderAt(Instant now) {
        if (!isUsableAt(now)) {
            throw new IllegalStateException("only a fresh token becomes a placeholder");
        }
        return new EmailToken(hash, purpose, account, email, issuedAt, expiresAt, now, true);
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

    /** Whether this token is a placeholder: spent, yet listed as pending until it expires. */
    public boolean isPlaceholder() {
        return placeholder;
    }

    @Override
    public String toString() {
        return "EmailToken[" + purpose + ", account=" + account + ", expiresAt=" + expiresAt
                + (consumedAt == null ? "" : ", consumedAt=" + consumedAt) + (placeholder ? ", placeholder" : "") + "]";
    }
}
