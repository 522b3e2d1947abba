package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.email.EmailAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code email_identity}. */
record EmailIdentityRow(String email, UUID accountId, boolean primary, Instant verifiedAt) {

    /** The address is parsed again from the form it was given in, which is what the person sees. */
    EmailIdentity toIdentity() {
        return new EmailIdentity(new AccountId(accountId), EmailAddress.restore(email), primary, verifiedAt);
    }

    /** Reads the columns {@code email, account_id, is_primary, verified_at}. */
    public static final class Mapper implements RowMapper<EmailIdentityRow> {
        @Override
        public EmailIdentityRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new EmailIdentityRow(rs.getString("email"), rs.getObject("account_id", UUID.class),
                    rs.getBoolean("is_primary"), Timestamps.fromColumn(rs, "verified_at"));
        }
    }
}
