package dev.authbackbone.adapter.out.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The statements on {@code email_request} and {@code email_quota_lock}. */
@RegisterColumnMapper(Timestamps.InstantMapper.class)
interface EmailRequestDao {

    @SqlQuery("SELECT purpose FROM email_quota_lock WHERE email_canonical = :canonical AND purpose = :purpose"
            + " FOR UPDATE")
    Optional<String> lockExisting(@Bind("canonical") String canonical, @Bind("purpose") String purpose);

    /**
     * Creates the lock row unless it exists. While another transaction's insert of the same row is
     * uncommitted this waits for it (PostgreSQL and H2 alike) and then reports 0 rows; inserting it
     * ourselves leaves the new row locked by this transaction until it ends.
     */
    @SqlUpdate("INSERT INTO email_quota_lock (email_canonical, purpose) VALUES (:canonical, :purpose)"
            + " ON CONFLICT DO NOTHING")
    int insertLockIfAbsent(@Bind("canonical") String canonical, @Bind("purpose") String purpose);

    @SqlQuery("SELECT accepted_at FROM email_request"
            + " WHERE email_canonical = :canonical AND purpose = :purpose AND accepted_at > :since"
            + " ORDER BY accepted_at")
    List<Instant> acceptedSince(@Bind("canonical") String canonical, @Bind("purpose") String purpose,
                                       @Bind("since") OffsetDateTime since);

    @SqlQuery("SELECT accepted_at FROM email_request WHERE account_id = :accountId AND accepted_at > :since"
            + " ORDER BY accepted_at")
    List<Instant> acceptedFromAccountSince(@Bind("accountId") UUID accountId,
                                                  @Bind("since") OffsetDateTime since);

    /** The CAST types a null account id, which PostgreSQL would otherwise take for a varchar. */
    @SqlUpdate("INSERT INTO email_request (id, email_canonical, purpose, account_id, accepted_at)"
            + " VALUES (:id, :canonical, :purpose, CAST(:accountId AS uuid), :acceptedAt)")
    void insert(@Bind("id") UUID id, @Bind("canonical") String canonical, @Bind("purpose") String purpose,
                @Bind("accountId") UUID accountId, @Bind("acceptedAt") OffsetDateTime acceptedAt);

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
