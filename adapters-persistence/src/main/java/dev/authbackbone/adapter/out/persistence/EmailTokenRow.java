package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.token.CodeHash;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.TokenHash;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code email_token}; the columns every token query selects are {@link #COLUMNS}. */
record EmailTokenRow(String tokenHash, String purpose, UUID accountId, String email, Instant issuedAt,
                     Instant expiresAt, Instant consumedAt, String codeSalt, String codeHash, int codeRounds,
                     int codeAttempts, boolean placeholder) {

    static final String COLUMNS = "token_hash, purpose, account_id, email, issued_at, expires_at, consumed_at,"
            + " code_salt, code_hash, code_rounds, code_attempts, placeholder";

    EmailToken toToken() {
        return EmailToken.restore(new TokenHash(tokenHash), EmailPurpose.valueOf(purpose),
                Optional.ofNullable(accountId).map(AccountId::new), EmailAddress.restore(email), issuedAt, expiresAt,
                Optional.ofNullable(consumedAt),
                codeHash == null ? Optional.empty() : Optional.of(new CodeHash(codeSalt, codeHash, codeRounds)), codeAttempts,
                placeholder);
    }

    /** Reads {@link #COLUMNS}. */
    public static final class Mapper implements RowMapper<EmailTokenRow> {
        @Override
        public EmailTokenRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new EmailTokenRow(rs.getString("token_hash"), rs.getString("purpose"),
                    rs.getObject("account_id", UUID.class), rs.getString("email"),
                    Timestamps.fromColumn(rs, "issued_at"), Timestamps.fromColumn(rs, "expires_at"),
                    Timestamps.fromColumn(rs, "consumed_at"), rs.getString("code_salt"), rs.getString("code_hash"),
                    rs.getInt("code_rounds"), rs.getInt("code_attempts"), rs.getBoolean("placeholder"));
        }
    }
}
