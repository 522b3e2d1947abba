package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code account}. */
record AccountRow(UUID id, Instant createdAt, boolean disabled) {

    Account toAccount() {
        return Account.restore(new AccountId(id), createdAt, disabled);
    }

    /** Reads the columns {@code id, created_at, disabled}. */
    public static final class Mapper implements RowMapper<AccountRow> {
        @Override
        public AccountRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new AccountRow(rs.getObject("id", UUID.class), Timestamps.fromColumn(rs, "created_at"),
                    rs.getBoolean("disabled"));
        }
    }
}
