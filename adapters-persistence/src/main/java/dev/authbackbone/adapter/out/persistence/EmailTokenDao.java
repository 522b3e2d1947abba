package dev.authbackbone.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The plain statements on {@code email_token}; the compare-and-set consume is in the repository. */
@RegisterRowMapper(EmailTokenRow.Mapper.class)
interface EmailTokenDao {

    /**
     * A duplicate hash reports 0 rows rather than failing, so a PostgreSQL transaction stays usable.
     * The CAST types a null account id, which PostgreSQL would otherwise take for a varchar.
     */
    @SqlUpdate("INSERT INTO email_token (token_hash, purpose, account_id, email, email_canonical, issued_at,"
            + " expires_at, consumed_at) VALUES (:hash, :purpose, CAST(:accountId AS uuid), :email, :canonical, :issuedAt,"
            + " :expiresAt, :consumedAt) ON CONFLICT DO NOTHING")
    int insertIfAbsent(@Bind("hash") String hash, @Bind("purpose") String purpose, @Bind("accountId") UUID accountId,
                       @Bind("email") String email, @Bind("canonical") String canonical,
                       @Bind("issuedAt") OffsetDateTime issuedAt, @Bind("expiresAt") OffsetDateTime expiresAt,
                       @Bind("consumedAt") OffsetDateTime consumedAt);

    @SqlUpdate("UPDATE email_token SET consumed_at = :now"
            + " WHERE email_canonical = :canonical AND consumed_at IS NULL AND expires_at > :now")
    int revokeOutstanding(@Bind("canonical") String canonical, @Bind("now") OffsetDateTime now);

    @SqlUpdate("DELETE FROM email_token WHERE token_hash = :hash")
    int delete(@Bind("hash") String hash);

    @SqlQuery("SELECT " + EmailTokenRow.COLUMNS + " FROM email_token"
            + " WHERE account_id = :accountId AND purpose = 'EMAIL_CONFIRMATION'"
            + " AND consumed_at IS NULL AND expires_at > :now"
            + " ORDER BY issued_at DESC, token_hash")
    List<EmailTokenRow> pendingConfirmations(@Bind("accountId") UUID accountId, @Bind("now") OffsetDateTime now);

    /** The same boundaries as the domain's fake: expired at or before the cutoff, or used before it. */
    @SqlUpdate("DELETE FROM email_token WHERE expires_at <= :cutoff OR consumed_at < :cutoff")
    int purgeSpentBefore(@Bind("cutoff") OffsetDateTime cutoff);
}
