package dev.authbackbone.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
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

    /**
     * SKIP LOCKED leaves out the rows another transaction holds: a consume in flight. Waiting for
     * them instead deadlocks two confirmations of one address by two accounts (each holds its own
     * token, then one waits for the other's identity insert while that one waits here). The
     * consumer of a skipped token goes on to link the address and finds it taken.
     */
    @SqlUpdate("UPDATE email_token SET consumed_at = :now WHERE token_hash IN (SELECT token_hash FROM email_token"
            + " WHERE email_canonical = :canonical AND consumed_at IS NULL AND expires_at > :now FOR UPDATE SKIP LOCKED)")
    int revokeOutstanding(@Bind("canonical") String canonical, @Bind("now") OffsetDateTime now);

    @SqlUpdate("DELETE FROM email_token WHERE token_hash = :hash")
    int delete(@Bind("hash") String hash);

    @SqlQuery("SELECT " + EmailTokenRow.COLUMNS + " FROM email_token"
            + " WHERE account_id = :accountId AND purpose = 'EMAIL_CONFIRMATION'"
            + " AND consumed_at IS NULL AND expires_at > :now"
            + " ORDER BY issued_at DESC, token_hash")
    List<EmailTokenRow> pendingConfirmations(@Bind("accountId") UUID accountId, @Bind("now") OffsetDateTime now);

    /**
     * The next batch to purge, with the same boundaries as the domain's fake: expired at or before
     * the cutoff, or used before it. Batches keep each statement short, well inside the statement
     * timeout, and a select-then-delete by key is fast on both databases (H2 runs a DELETE with an
     * IN-subquery row by row).
     */
    @SqlQuery("SELECT token_hash FROM email_token WHERE expires_at <= :cutoff OR consumed_at < :cutoff"
            + " FETCH FIRST " + PURGE_BATCH + " ROWS ONLY")
    List<String> spentBefore(@Bind("cutoff") OffsetDateTime cutoff);

    @SqlUpdate("DELETE FROM email_token WHERE token_hash IN (<hashes>)"
            + " AND (expires_at <= :cutoff OR consumed_at < :cutoff)")
    int deleteSpent(@BindList("hashes") List<String> hashes, @Bind("cutoff") OffsetDateTime cutoff);

    /** Rows per purge statement. */
    int PURGE_BATCH = 500;
}
