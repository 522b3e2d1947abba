package dev.authbackbone.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The statements on {@code audit_event}. */
@RegisterRowMapper(AuditEventRow.Mapper.class)
interface AuditEventDao {

    /** The CAST types a null account id, which PostgreSQL would otherwise take for a varchar. */
    @SqlUpdate("INSERT INTO audit_event (occurred_at, event_type, account_id, email_masked, reason, client_ip, request_id)"
            + " VALUES (:occurredAt, :type, CAST(:accountId AS uuid), :emailMasked, :reason, :clientIp, :requestId)")
    void insert(@Bind("occurredAt") OffsetDateTime occurredAt, @Bind("type") String type,
                @Bind("accountId") UUID accountId, @Bind("emailMasked") String emailMasked,
                @Bind("reason") String reason, @Bind("clientIp") String clientIp, @Bind("requestId") String requestId);

    @SqlQuery("SELECT " + AuditEventRow.COLUMNS + " FROM audit_event WHERE account_id = :accountId"
            + " ORDER BY occurred_at DESC, id DESC LIMIT :limit")
    List<AuditEventRow> recentFor(@Bind("accountId") UUID accountId, @Bind("limit") int limit);
}
