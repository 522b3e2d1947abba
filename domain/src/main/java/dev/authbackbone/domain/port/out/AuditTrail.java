package dev.authbackbone.domain.port.out;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.AuditEvent;
import java.time.Instant;
import java.util.List;

/**
 * The audit trail: where security events go. Inside a unit of work an event commits (or rolls
 * back) with the change it describes; outside one it is stored on its own. Further destinations
 * (a webhook, a message broker) are more implementations of this port, see docs/extending.md.
 */
public interface AuditTrail {

    /** Records {@code event}. */
    void record(AuditEvent event);

    /** The {@code limit} most recent events of {@code account}, newest first. */
    List<AuditEvent> recentFor(AccountId account, int limit);

    /** Deletes the events that occurred before {@code cutoff}; returns how many. */
    int purgeBefore(Instant cutoff);
}
