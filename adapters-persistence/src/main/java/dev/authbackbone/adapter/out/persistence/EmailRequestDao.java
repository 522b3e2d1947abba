package dev.authbackbone.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The rarer statements on {@code email_request} and {@code email_quota_lock}; the per-request ones are in the ledger. */
interface EmailRequestDao {

    @SqlUpdate("DELETE FROM email_request WHERE id = :id")
    int delete(@Bind("id") UUID id);

    /** The next batch to purge; see {@link EmailTokenDao#spentBefore} for why in batches, and why by key. */
    @SqlQuery("SELECT id FROM email_request WHERE accepted_at < :cutoff FETCH FIRST " + PURGE_BATCH + " ROWS ONLY")
    List<UUID> acceptedBefore(@Bind("cutoff") OffsetDateTime cutoff);

    @SqlUpdate("DELETE FROM email_request WHERE id IN (<ids>)")
    int deleteAll(@BindList("ids") List<UUID> ids);

    /** Rows per purge statement. */
    int PURGE_BATCH = 500;

    /**
     * Drops lock rows of addresses with nothing left in the ledger. A row someone holds cannot be
     * deleted under them (the DELETE waits for their lock), and a lock taker that loses its row to
     * this statement finds it gone and inserts it again, see {@link JdbiEmailRequestLedger#lock}.
     */
    @SqlUpdate("DELETE FROM email_quota_lock WHERE NOT EXISTS (SELECT 1 FROM email_request r"
            + " WHERE r.email_canonical = email_quota_lock.email_canonical AND r.purpose = email_quota_lock.purpose)")
    int purgeUnusedLocks();
}
