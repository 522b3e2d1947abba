package dev.authbackbone.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The rarer statements on {@code email_token}; the compare-and-set consume and the per-request ones are in the repository. */
@RegisterRowMapper(EmailTokenRow.Mapper.class)
interface EmailTokenDao {

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
