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
 * The mail's code, when it carries one, is the same credential: it has the token's expiry, using
 * either spends both, and after {@value #MAX_CODE_CHECKS} checks of a code the link is dead too.
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
    private final CodeHash code;
    private final int codeChecks;
    private final boolean placeholder;

    /** How many codes may be checked against one mail; after that neither its code nor its link works. */
    public static final int MAX_CODE_CHECKS = 5;

    private EmailToken(TokenHash hash, EmailPurpose purpose, AccountId account, EmailAddress email,
                       Instant issuedAt, Instant expiresAt, Instant consumedAt, CodeHash code, int codeChecks,
                       boolean placeholder) {
        this.hash = Objects.requireNonNull(hash, "hash");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.account = account;
        this.email = Objects.requireNonNull(email, "email");
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.consumedAt = consumedAt;
        this.code = code;
        this.codeChecks = codeChecks;
        this.placeholder = placeholder;
        if (placeholder && consumedAt == null) {
            throw new IllegalArgumentException("consumedAt: a placeholder is always spent");
        }
        if (codeChecks < 0 || codeChecks > MAX_CODE_CHECKS) {
            throw new IllegalArgumentException("codeChecks: must be between 0 and " + MAX_CODE_CHECKS);
        }
        if (purpose == EmailPurpose.EMAIL_CONFIRMATION && account == null) {
            throw new IllegalArgumentException("account: a confirmation token links to an account");
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt: must be after issuedAt");
        }
    }

    /** A new token for {@code email}, without a code; the raw {@code token} is not kept, only its hash. */
    public static EmailToken issue(OneTimeToken token, EmailPurpose purpose, Optional<AccountId> account,
                                   EmailAddress email, Instant now, Duration ttl) {
        return new EmailToken(token.hash(), purpose, account.orElse(null), email, now, now.plus(ttl), null, null, 0, false);
    }

    /** A new token for {@code email} whose mail also carries the code stored as {@code code}. */
    public static EmailToken issue(OneTimeToken token, CodeHash code, EmailPurpose purpose, Optional<AccountId> account,
                                   EmailAddress email, Instant now, Duration ttl) {
        Objects.requireNonNull(code, "code");
        return new EmailToken(token.hash(), purpose, account.orElse(null), email, now, now.plus(ttl), null, code, 0, false);
    }

    /** A token without a code as storage holds it. */
    public static EmailToken restore(TokenHash hash, EmailPurpose purpose, Optional<AccountId> account,
                                     EmailAddress email, Instant issuedAt, Instant expiresAt,
                                     Optional<Instant> consumedAt) {
        return restore(hash, purpose, account, email, issuedAt, expiresAt, consumedAt, Optional.empty(), 0, false);
    }

    /** A token as storage holds it, with its code (if its mail carried one) and how often a code was checked against it. */
    public static EmailToken restore(TokenHash hash, EmailPurpose purpose, Optional<AccountId> account,
                                     EmailAddress email, Instant issuedAt, Instant expiresAt,
                                     Optional<Instant> consumedAt, Optional<CodeHash> code, int codeChecks) {
        return restore(hash, purpose, account, email, issuedAt, expiresAt, consumedAt, code, codeChecks, false);
    }

    /** As above, stating whether it is a {@linkplain #isPlaceholder() placeholder}. */
    public static EmailToken restore(TokenHash hash, EmailPurpose purpose, Optional<AccountId> account,
                                     EmailAddress email, Instant issuedAt, Instant expiresAt,
                                     Optional<Instant> consumedAt, Optional<CodeHash> code, int codeChecks,
                                     boolean placeholder) {
        return new EmailToken(hash, purpose, account.orElse(null), email, issuedAt, expiresAt, consumedAt.orElse(null),
                code.orElse(null), codeChecks, placeholder);
    }

    /**
     * Whether the token is still pending at {@code now}: never used and not yet expired (a mail whose
     * code checks are used up is still pending, so it can be sent again, but it can no longer be redeemed).
     */
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

    /** Whether its link can still be redeemed at {@code now}: pending, and its code was not checked too often. */
    public boolean isRedeemableAt(Instant now) {
        return isUsableAt(now) && codeChecks < MAX_CODE_CHECKS;
    }

    /** This token used by its link at {@code now}, or empty when it could not be redeemed any more. */
    public Optional<EmailToken> consumeAt(Instant now) {
        if (!isRedeemableAt(now)) {
            return Optional.empty();
        }
        return Optional.of(used(now));
    }

    /**
     * One more code check counted against this mail at {@code now}, or empty when none is left: it
     * has no code, has expired, or was checked {@value #MAX_CODE_CHECKS} times. A used mail can still
     * be checked (its holder learns why it no longer works), within the same budget.
     */
    public Optional<EmailToken> claimCodeCheckAt(Instant now) {
        if (code == null || !now.isBefore(expiresAt) || codeChecks >= MAX_CODE_CHECKS) {
            return Optional.empty();
        }
        return Optional.of(new EmailToken(hash, purpose, account, email, issuedAt, expiresAt, consumedAt, code,
                codeChecks + 1, placeholder));
    }

    /**
     * Whether {@code presented} is this mail's code, hashed with {@code key} (compared in constant
     * time); false when it carried none.
     */
    public boolean codeMatches(OneTimeCode presented, CodeKey key) {
        return code != null && presented.matches(code, email, key);
    }

    /**
     * This token used by its code at {@code now}, after the check that matched it was claimed (which
     * may have been the last one), or empty when it was used or expired meanwhile.
     */
    public Optional<EmailToken> consumeByCodeAt(Instant now) {
        if (!isUsableAt(now)) {
            return Optional.empty();
        }
        return Optional.of(used(now));
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
        return Optional.of(new EmailToken(hash, purpose, account, email, issuedAt, expiresAt, now, code, codeChecks,
                othersRequest));
    }

    /**
     * This mail retired at {@code now} because newer mails to its address took every place whose code
     * is checked: spent, so that its link does not keep working while its code no longer can;
     * empty when it was not usable any more.
     */
    public Optional<EmailToken> retireAt(Instant now) {
        if (!isUsableAt(now)) {
            return Optional.empty();
        }
        return Optional.of(used(now));
    }

    /**
     * This confirmation withdrawn by its requester at {@code now}: spent, and no longer listed as
     * pending even when it was a placeholder; empty when it was not pending any more.
     */
    public Optional<EmailToken> withdrawAt(Instant now) {
        if (!isPendingAt(now)) {
            return Optional.empty();
        }
        return Optional.of(new EmailToken(hash, purpose, account, email, issuedAt, expiresAt,
                consumedAt == null ? now : consumedAt, code, codeChecks, false));
    }

    /**
     * This fresh token as the placeholder of a request that mails no link: spent at {@code now}, so
     * no redemption (by link or by code) can ever use it, and listed as pending until it expires.
     */
    public EmailToken asPlaceholderAt(Instant now) {
        if (!isUsableAt(now)) {
            throw new IllegalStateException("only a fresh token becomes a placeholder");
        }
        return new EmailToken(hash, purpose, account, email, issuedAt, expiresAt, now, code, codeChecks, true);
    }

    private EmailToken used(Instant now) {
        return new EmailToken(hash, purpose, account, email, issuedAt, expiresAt, now, code, codeChecks, placeholder);
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

    /** The stored form of the mail's code, when it carried one. */
    public Optional<CodeHash> code() {
        return Optional.ofNullable(code);
    }

    /** How many codes were checked against this mail. */
    public int codeChecks() {
        return codeChecks;
    }

    /** Whether this token is a placeholder: spent, yet listed as pending until it expires. */
    public boolean isPlaceholder() {
        return placeholder;
    }

    @Override
    public String toString() {
        return "EmailToken[" + purpose + ", account=" + account + ", expiresAt=" + expiresAt
                + (consumedAt == null ? "" : ", consumedAt=" + consumedAt) + ", codeChecks=" + codeChecks
                + (placeholder ? ", placeholder" : "") + "]";
    }
}
