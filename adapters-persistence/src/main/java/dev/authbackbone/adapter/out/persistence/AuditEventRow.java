package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.audit.RequestOrigin;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code audit_event}; the columns every audit query selects are {@link #COLUMNS}. */
record AuditEventRow(Instant occurredAt, String type, UUID accountId, String emailMasked, String reason,
                     String clientIp, String requestId) {

    static final String COLUMNS = "occurred_at, event_type, account_id, email_masked, reason, client_ip, request_id";

    AuditEvent toEvent() {
        return new AuditEvent(occurredAt, AuditEventType.valueOf(type), Optional.ofNullable(accountId).map(AccountId::new),
                Optional.ofNullable(emailMasked), Optional.ofNullable(reason),
                new RequestOrigin(Optional.ofNullable(clientIp), Optional.ofNullable(requestId)));
    }

    /** Reads {@link #COLUMNS}. */
    public static final class Mapper implements RowMapper<AuditEventRow> {
        @Override
        public AuditEventRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new AuditEventRow(Timestamps.fromColumn(rs, "occurred_at"), rs.getString("event_type"),
                    rs.getObject("account_id", UUID.class), rs.getString("email_masked"), rs.getString("reason"),
                    rs.getString("client_ip"), rs.getString("request_id"));
        }
    }
}
