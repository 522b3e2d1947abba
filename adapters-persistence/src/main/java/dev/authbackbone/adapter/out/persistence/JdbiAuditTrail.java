package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.port.out.AuditTrail;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link AuditTrail} on the {@code audit_event} table. Inside a unit of work the insert joins its
 * transaction, so an event commits or rolls back with the change it records.
 */
public final class JdbiAuditTrail implements AuditTrail {

    private final Jdbi jdbi;

    /** Over {@code database}'s connection pool; the composition root never handles JDBI itself. */
    public JdbiAuditTrail(Database database) {
        this(database.jdbi());
    }

    /** Uses {@code jdbi}, which must be the one the {@link JdbiUnitOfWork} uses. */
    public JdbiAuditTrail(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(AuditEvent event) {
        Handles.with(jdbi, h -> {
            h.attach(AuditEventDao.class).insert(Timestamps.toColumn(event.occurredAt()), event.type().name(),
                    event.account().map(AccountId::value).orElse(null), event.maskedEmail().orElse(null),
                    event.reason().orElse(null), event.origin().clientIp().orElse(null),
                    event.origin().requestId().orElse(null));
            return null;
        });
    }

    @Override
    public List<AuditEvent> recentFor(AccountId account, int limit) {
        return Handles.with(jdbi, h -> h.attach(AuditEventDao.class).recentFor(account.value(), limit)).stream()
                .map(AuditEventRow::toEvent)
                .toList();
    }

    /** One delete by the time index: audit rows are never locked by requests, so no batching is needed. */
    @Override
    public int purgeBefore(Instant cutoff) {
        return Handles.with(jdbi, h -> h.createUpdate("DELETE FROM audit_event WHERE occurred_at < :cutoff")
                .bind("cutoff", Timestamps.toColumn(cutoff)).execute());
    }
}
