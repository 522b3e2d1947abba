package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.port.out.AuditTrail;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

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

    /** The CAST types a null account id, which PostgreSQL would otherwise take for a varchar. */
    private static final String INSERT = "INSERT INTO audit_event (occurred_at, event_type, account_id, email_masked,"
            + " reason, client_ip, request_id) VALUES (:occurredAt, :type, CAST(:accountId AS uuid), :emailMasked,"
            + " :reason, :clientIp, :requestId)";

    /**
     * A fluent statement, not the SqlObject: every request records an event, and attaching a
     * SqlObject re-prepares each method of its interface on every call (18 % of the request's CPU
     * in the profile).
     */
    @Override
    public void record(AuditEvent event) {
        Handles.with(jdbi, h -> h.createUpdate(INSERT)
                .bind("occurredAt", Timestamps.toColumn(event.occurredAt()))
                .bind("type", event.type().name())
                // Typed, as the SqlObject bound them: a null still says which SQL type it is.
                .bindByType("accountId", event.account().map(AccountId::value).orElse(null), UUID.class)
                .bindByType("emailMasked", event.maskedEmail().orElse(null), String.class)
                .bindByType("reason", event.reason().orElse(null), String.class)
                .bindByType("clientIp", event.origin().clientIp().orElse(null), String.class)
                .bindByType("requestId", event.origin().requestId().orElse(null), String.class)
                .execute());
    }

    @Override
    public List<AuditEvent> recentFor(AccountId account, int limit) {
        return Handles.with(jdbi, h -> h.attach(Statements.class).recentFor(account.value(), limit)).stream()
                .map(AuditEventRow::toEvent)
                .toList();
    }

    /** One delete by the time index: audit rows are never locked by requests, so no batching is needed. */
    @Override
    public int purgeBefore(Instant cutoff) {
        return Handles.with(jdbi, h -> h.createUpdate("DELETE FROM audit_event WHERE occurred_at < :cutoff")
                .bind("cutoff", Timestamps.toColumn(cutoff)).execute());
    }

    /** The plain statements, as a SqlObject: those not run on every request (attaching one re-prepares each method). */
    @RegisterRowMapper(AuditEventRow.Mapper.class)
    interface Statements {

        @SqlQuery("SELECT " + AuditEventRow.COLUMNS + " FROM audit_event WHERE account_id = :accountId"
                + " ORDER BY occurred_at DESC, id DESC LIMIT :limit")
        List<AuditEventRow> recentFor(@Bind("accountId") UUID accountId, @Bind("limit") int limit);
    }
}
