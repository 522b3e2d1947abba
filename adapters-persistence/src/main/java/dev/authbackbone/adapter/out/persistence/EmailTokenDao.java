package dev.authbackbone.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
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

    /** The same boundaries as the domain's fake: expired at or before the cutoff, or used before it. */
    @SqlUpdate("DELETE FROM email_token WHERE expires_at <= :cutoff OR consumed_at < :cutoff")
    int purgeSpentBefore(@Bind("cutoff") OffsetDateTime cutoff);
}
