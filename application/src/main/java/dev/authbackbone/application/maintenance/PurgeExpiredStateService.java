package dev.authbackbone.application.maintenance;

import dev.authbackbone.domain.port.in.maintenance.PurgeExpiredStateResult;
import dev.authbackbone.domain.port.in.maintenance.PurgeExpiredStateUseCase;
import dev.authbackbone.application.mail.EmailLinkPolicy;
import dev.authbackbone.domain.port.out.AuditTrail;
import dev.authbackbone.domain.port.out.EmailRequestLedger;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.port.out.PrimaryUndoRepository;
import dev.authbackbone.domain.port.out.SessionRepository;
import dev.authbackbone.domain.session.SessionPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes tokens that expired or were used more than {@code spentTokenRetention} ago (kept that
 * long so that an operator can still see what happened to a link), ledger entries older than the
 * longest quota window plus {@link #CLOCK_MARGIN}, audit events older than {@code auditRetention}, and
 * sessions (with their refresh tokens) that ended or expired more than {@code spentTokenRetention} ago.
 * Each step is a plain delete of rows past a cutoff, so purges running on several instances at once
 * only share the work.
 */
public final class PurgeExpiredStateService implements PurgeExpiredStateUseCase {

    /**
     * Instances whose clocks differ must never purge an entry that another one still counts; an
     * hour of entries is cheap, and clocks that differ by more are a fault of their own.
     */
    public static final Duration CLOCK_MARGIN = Duration.ofHours(1);

    /** How long spent tokens are kept by default. */
    public static final Duration DEFAULT_SPENT_TOKEN_RETENTION = Duration.ofDays(7);

    /** How long audit events are kept by default: long enough to look into a quarter's incidents. */
    public static final Duration DEFAULT_AUDIT_RETENTION = Duration.ofDays(90);

    private final EmailTokenRepository tokens;
    private final EmailRequestLedger ledger;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration ledgerRetention;
    private final Duration spentTokenRetention;
    private final Duration auditRetention;
    private final SessionRepository sessions;
    private final SessionPolicy sessionPolicy;
    private final PrimaryUndoRepository undos;

    public PurgeExpiredStateService(EmailTokenRepository tokens, EmailRequestLedger ledger, AuditTrail audit, Clock clock,
                                    EmailLinkPolicy policy, Duration spentTokenRetention, Duration auditRetention,
                                    SessionRepository sessions, SessionPolicy sessionPolicy, PrimaryUndoRepository undos) {
        this.undos = Objects.requireNonNull(undos, "undos");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.sessionPolicy = Objects.requireNonNull(sessionPolicy, "sessionPolicy");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ledgerRetention = policy.longestQuotaWindow().plus(CLOCK_MARGIN);
        this.spentTokenRetention = Objects.requireNonNull(spentTokenRetention, "spentTokenRetention");
        if (spentTokenRetention.isNegative()) {
            throw new IllegalArgumentException("spentTokenRetention: must not be negative, was " + spentTokenRetention);
        }
        this.auditRetention = Objects.requireNonNull(auditRetention, "auditRetention");
        if (auditRetention.isNegative()) {
            throw new IllegalArgumentException("auditRetention: must not be negative, was " + auditRetention);
        }
    }

    @Override
    public PurgeExpiredStateResult purge() {
        Instant now = clock.instant();
        // Undo links of primary changes are tokens too, kept as long as the others once spent.
        int purgedTokens = tokens.purgeSpentBefore(now.minus(spentTokenRetention))
                + undos.purgeSpentBefore(now.minus(spentTokenRetention));
        int purgedEntries = ledger.purgeBefore(now.minus(ledgerRetention));
        int purgedEvents = audit.purgeBefore(now.minus(auditRetention));
        // Ended or expired sessions are kept as long as spent tokens, for the operator to look at.
        Instant cutoff = now.minus(spentTokenRetention);
        int purgedSessions = sessions.purge(cutoff, cutoff.minus(sessionPolicy.idleTtl()),
                cutoff.minus(sessionPolicy.maxTtl()));
        return new PurgeExpiredStateResult.Purged(purgedTokens, purgedEntries, purgedEvents, purgedSessions);
    }
}
