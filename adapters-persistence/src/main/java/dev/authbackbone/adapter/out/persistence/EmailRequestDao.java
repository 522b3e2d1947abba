package dev.authbackbone.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The rarer statements on {@code email_request} and {@code email_quota_lock}; the per-request ones are in the ledger. */
interface EmailRequestDao {

    @SqlUpdate("DELETE FROM email_request WHERE id = :id")
    int delete(@Bind("id") UUID id);

    @SqlUpdate("DELETE FROM email_request WHERE accepted_at < :cutoff")
    int purgeBefore(@Bind("cutoff") OffsetDateTime cutoff);

    /**
     * Drops lock rows of addresses with nothing left in the ledger. A row someone holds cannot be
     * deleted under them (the DELETE waits for their lock), and a lock taker that loses its row to
     * this statement finds it gone and inserts it again, see {@link JdbiEmailRequestLedger#lock}.
     */
    @SqlUpdate("DELETE FROM email_quota_lock WHERE NOT EXISTS (SELECT 1 FROM email_request r"
            + " WHERE r.email_canonical = email_quota_lock.email_canonical AND r.purpose = email_quota_lock.purpose)")
    int purgeUnusedLocks();
}
