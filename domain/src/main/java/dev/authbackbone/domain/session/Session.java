package dev.authbackbone.domain.session;

import dev.authbackbone.domain.account.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A session of an account, as stored: when it started, when it was last used (a refresh, or a
 * request, recorded at most once a minute), and when and why it ended. Its refresh tokens are
 * stored beside it, by hash.
 */
public final class Session {

    private final SessionId id;
    private final AccountId account;
    private final Instant createdAt;
    private final Instant lastUsedAt;
    private final Instant endedAt;
    private final EndReason endReason;

    private Session(SessionId id, AccountId account, Instant createdAt, Instant lastUsedAt, Instant endedAt,
                    EndReason endReason) {
        this.id = Objects.requireNonNull(id, "id");
        this.account = Objects.requireNonNull(account, "account");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.lastUsedAt = Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        this.endedAt = endedAt;
        this.endReason = endReason;
        if ((endedAt == null) != (endReason == null)) {
            throw new IllegalArgumentException("endedAt and endReason: both or neither");
        }
    }

    /** A new session of {@code account}, started at {@code now}. */
    public static Session issue(SessionId id, AccountId account, Instant now) {
        return new Session(id, account, now, now, null, null);
    }

    /** A session as storage holds it. */
    public static Session restore(SessionId id, AccountId account, Instant createdAt, Instant lastUsedAt,
                                  Optional<Instant> endedAt, Optional<EndReason> endReason) {
        return new Session(id, account, createdAt, lastUsedAt, endedAt.orElse(null), endReason.orElse(null));
    }

    /**
     * Whether the session may act at {@code now}: not ended, used within the idle lifetime, and
     * younger than the maximum lifetime.
     */
    public boolean isLiveAt(Instant now, SessionPolicy policy) {
        return endedAt == null
                && now.isBefore(lastUsedAt.plus(policy.idleTtl()))
                && now.isBefore(endsBy(policy));
    }

    /** The latest instant this session can live, however much it is used: its sign-in plus the maximum lifetime. */
    public Instant endsBy(SessionPolicy policy) {
        return createdAt.plus(policy.maxTtl());
    }

    /** Whether this session is live at {@code now} and belongs to {@code holder}. */
    public boolean isLiveFor(AccountId holder, Instant now, SessionPolicy policy) {
        return account.equals(holder) && isLiveAt(now, policy);
    }

    /**
     * The decision for one of this session's refresh tokens presented at {@code now}: an ended
     * session refuses, a spent token ends the session, an outlived session expires, and a live one
     * rotates.
     */
    public RefreshDecision decideRefresh(boolean tokenSpent, Instant now, SessionPolicy policy) {
        if (endedAt != null) {
            return new RefreshDecision.Invalid();
        }
        if (tokenSpent) {
            return new RefreshDecision.Reused();
        }
        if (!isLiveAt(now, policy)) {
            return new RefreshDecision.Expired();
        }
        return new RefreshDecision.Rotate();
    }

    /**
     * Whether a request at {@code now} should record itself as the last use: only when the stored
     * one is older than {@code resolution}, so a busy session writes at most once per resolution.
     */
    public boolean needsTouchAt(Instant now, java.time.Duration resolution) {
        return !lastUsedAt.plus(resolution).isAfter(now);
    }

    public SessionId id() {
        return id;
    }

    public AccountId account() {
        return account;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public Optional<EndReason> endReason() {
        return Optional.ofNullable(endReason);
    }

    @Override
    public String toString() {
        return "Session[" + id + ", account=" + account + ", createdAt=" + createdAt + ", lastUsedAt=" + lastUsedAt
                + (endedAt == null ? "" : ", ended " + endReason + " at " + endedAt) + "]";
    }
}
