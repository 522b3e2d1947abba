package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.address.PrimaryUndo;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.token.TokenHash;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code primary_undo}; the columns every query selects are {@link #COLUMNS}. */
record PrimaryUndoRow(String tokenHash, UUID accountId, String previousEmail, Instant issuedAt, Instant expiresAt,
                      Instant consumedAt, Instant previousVerifiedAt) {

    static final String COLUMNS = "token_hash, account_id, previous_email, issued_at, expires_at, consumed_at,"
            + " previous_verified_at";

    PrimaryUndo toUndo() {
        return PrimaryUndo.restore(new TokenHash(tokenHash), new AccountId(accountId), EmailAddress.restore(previousEmail),
                Optional.ofNullable(previousVerifiedAt), issuedAt, expiresAt, Optional.ofNullable(consumedAt));
    }

    /** Reads {@link #COLUMNS}. */
    public static final class Mapper implements RowMapper<PrimaryUndoRow> {
        @Override
        public PrimaryUndoRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new PrimaryUndoRow(rs.getString("token_hash"), rs.getObject("account_id", UUID.class),
                    rs.getString("previous_email"), Timestamps.fromColumn(rs, "issued_at"),
                    Timestamps.fromColumn(rs, "expires_at"), Timestamps.fromColumn(rs, "consumed_at"),
                    Timestamps.fromColumn(rs, "previous_verified_at"));
        }
    }
}
