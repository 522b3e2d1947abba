package dev.authbackbone.domain.address;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.token.OneTimeToken;
import dev.authbackbone.domain.token.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The undo link of one primary change, as stored: its token's hash, the account, the address that
 * was primary before ({@code previous}), and when it expires or was used. Usable once, before it expires.
 */
public final class PrimaryUndo {

    /** How long an undo link works. */
    public static final Duration TTL = Duration.ofDays(7);

    /** The smallest step between two links of one account: the precision both databases keep. */
    private static final Duration ORDER_STEP = Duration.ofNanos(1_000);

    private final TokenHash hash;
    private final AccountId account;
    private final EmailAddress previous;
    private final Instant previousVerifiedAt;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final Instant consumedAt;

    private PrimaryUndo(TokenHash hash, AccountId account, EmailAddress previous, Instant previousVerifiedAt,
                        Instant issuedAt, Instant expiresAt, Instant consumedAt) {
        this.hash = Objects.requireNonNull(hash, "hash");
        this.account = Objects.requireNonNull(account, "account");
        this.previous = Objects.requireNonNull(previous, "previous");
        this.previousVerifiedAt = previousVerifiedAt;
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.consumedAt = consumedAt;
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt: must be after issuedAt");
        }
    }

    /**
     * A new undo link for {@code account}, restoring {@code previous}, linked to the account at
     * {@code previousVerifiedAt}; only the hash of {@code token} is kept.
     */
    public static PrimaryUndo issue(OneTimeToken token, AccountId account, EmailIdentity previous, Instant now) {
        return new PrimaryUndo(token.hash(), account, previous.email(), previous.verifiedAt(), now, now.plus(TTL), null);
    }

    /**
     * As {@link #issue}, issued after every link in {@code usable} (the account's, read under its
     * lock) even when {@code now} is not: the links of one account are honoured by the order of
     * their changes ({@link UndoDecision}), and a clock read before the lock, or another instance's
     * clock, could otherwise put a later change first.
     */
    public static PrimaryUndo issueAfter(OneTimeToken token, AccountId account, EmailIdentity previous, Instant now,
                                         List<PrimaryUndo> usable) {
        Instant issuedAt = usable.stream().map(u -> u.issuedAt().plus(ORDER_STEP)).filter(now::isBefore)
                .max(Instant::compareTo).orElse(now);
        return new PrimaryUndo(token.hash(), account, previous.email(), previous.verifiedAt(), issuedAt,
                issuedAt.plus(TTL), null);
    }

    /** An undo link as storage holds it ({@code previousVerifiedAt} is unknown for links older than that column). */
    public static PrimaryUndo restore(TokenHash hash, AccountId account, EmailAddress previous,
                                      Optional<Instant> previousVerifiedAt, Instant issuedAt, Instant expiresAt,
                                      Optional<Instant> consumedAt) {
        return new PrimaryUndo(hash, account, previous, previousVerifiedAt.orElse(null), issuedAt, expiresAt,
                consumedAt.orElse(null));
    }

    /** Whether the link can still be used at {@code now}. */
    public boolean isUsableAt(Instant now) {
        return consumedAt == null && now.isBefore(expiresAt);
    }

    public TokenHash hash() {
        return hash;
    }

    public AccountId account() {
        return account;
    }

    public EmailAddress previous() {
        return previous;
    }

    /** When {@link #previous} was linked to the account, when known. */
    public Optional<Instant> previousVerifiedAt() {
        return Optional.ofNullable(previousVerifiedAt);
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
        return "PrimaryUndo[account=" + account + ", expiresAt=" + expiresAt
                + (consumedAt == null ? "" : ", consumedAt=" + consumedAt) + "]";
    }
}
