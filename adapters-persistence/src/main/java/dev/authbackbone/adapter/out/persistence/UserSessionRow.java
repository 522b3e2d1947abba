package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.session.EndReason;
import dev.authbackbone.domain.session.Session;
import dev.authbackbone.domain.session.SessionId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code user_session}; the columns every session query selects are {@link #COLUMNS}. */
record UserSessionRow(UUID id, UUID accountId, Instant createdAt, Instant lastUsedAt, Instant endedAt,
                      String endReason) {

    static final String COLUMNS = "s.id, s.account_id, s.created_at, s.last_used_at, s.ended_at, s.end_reason";

    Session toSession() {
        return Session.restore(new SessionId(id), new AccountId(accountId), createdAt, lastUsedAt,
                Optional.ofNullable(endedAt), Optional.ofNullable(endReason).map(EndReason::valueOf));
    }

    static UserSessionRow read(ResultSet rs) throws SQLException {
        return new UserSessionRow(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                Timestamps.fromColumn(rs, "created_at"), Timestamps.fromColumn(rs, "last_used_at"),
                Timestamps.fromColumn(rs, "ended_at"), rs.getString("end_reason"));
    }

    /** Reads {@link #COLUMNS}. */
    static final class Mapper implements RowMapper<Session> {
        @Override
        public Session map(ResultSet rs, StatementContext ctx) throws SQLException {
            return read(rs).toSession();
        }
    }
}
