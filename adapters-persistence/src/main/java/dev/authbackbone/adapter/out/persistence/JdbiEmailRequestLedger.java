package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.out.EmailRequest;
import dev.authbackbone.domain.port.out.EmailRequestLedger;
import dev.authbackbone.domain.token.EmailPurpose;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * {@link EmailRequestLedger} on the {@code email_request} table, with a row lock on
 * {@code email_quota_lock} serializing the quota checks of one address across transactions and
 * across every instance sharing the database.
 */
public final class JdbiEmailRequestLedger implements EmailRequestLedger {

    /**
     * Each failed round means the row was deleted by a purge or inserted by someone else between our
     * two statements; then the next round waits on their lock. More than a few rounds is a fault.
     */
    private static final int LOCK_ATTEMPTS = 10;

    // The statements every request runs go through the fluent API: attaching a SqlObject prepares
    // every method of its interface again, on each call, which cost more than the SQL itself.
    private static final String LOCK_EXISTING = "SELECT purpose FROM email_quota_lock"
            + " WHERE email_canonical = :canonical AND purpose = :purpose FOR UPDATE";
    /** Locks as {@link #LOCK_EXISTING} does, as {@link RowLocking#UPDATE_IN_PLACE} explains. */
    private static final String LOCK_EXISTING_IN_PLACE = "UPDATE email_quota_lock SET purpose = purpose"
            + " WHERE email_canonical = :canonical AND purpose = :purpose";
    /**
     * Creates the lock row unless it exists. While another transaction's insert of the same row is
     * uncommitted this waits for it (PostgreSQL and H2 alike) and then reports 0 rows; inserting it
     * ourselves leaves the new row locked by this transaction until it ends.
     */
    private static final String INSERT_LOCK_IF_ABSENT = "INSERT INTO email_quota_lock (email_canonical, purpose)"
            + " VALUES (:canonical, :purpose) ON CONFLICT DO NOTHING";
    private static final String ACCEPTED_SINCE = "SELECT accepted_at FROM email_request"
            + " WHERE email_canonical = :canonical AND purpose = :purpose AND accepted_at > :since ORDER BY accepted_at";
    private static final String ACCEPTED_FROM_ACCOUNT_SINCE = "SELECT accepted_at FROM email_request"
            + " WHERE account_id = :accountId AND accepted_at > :since ORDER BY accepted_at";
    /** The CAST types a null account id, which PostgreSQL would otherwise take for a varchar. */
    private static final String INSERT = "INSERT INTO email_request (id, email_canonical, purpose, account_id, accepted_at)"
            + " VALUES (:id, :canonical, :purpose, CAST(:accountId AS uuid), :acceptedAt)";
    private static final Timestamps.InstantMapper INSTANTS = new Timestamps.InstantMapper();

    private final Jdbi jdbi;
    private final RowLocking rowLocking;

    /** Over {@code database}'s connection pool; the composition root never handles JDBI itself. */
    public JdbiEmailRequestLedger(Database database) {
        this(database.jdbi(), database.rowLocking());
    }

    /** Uses {@code jdbi}, which must be the one the {@link JdbiUnitOfWork} uses. */
    public JdbiEmailRequestLedger(Jdbi jdbi) {
        this(jdbi, RowLocking.SELECT_FOR_UPDATE);
    }

    private JdbiEmailRequestLedger(Jdbi jdbi, RowLocking rowLocking) {
        this.jdbi = jdbi;
        this.rowLocking = rowLocking;
    }

    @Override
    public void lock(EmailAddress email, EmailPurpose purpose) {
        Handles.with(jdbi, h -> {
            for (int attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
                // Lock first: it is the common case, and a failed INSERT is never attempted, so a
                // PostgreSQL transaction is never aborted by this method.
                if (lockExisting(h, email, purpose)
                        || h.createUpdate(INSERT_LOCK_IF_ABSENT).bind("canonical", email.canonical())
                        .bind("purpose", purpose.name()).execute() == 1) {
                    return null;
                }
            }
            throw new DatabaseException("could not lock the quota of an address after " + LOCK_ATTEMPTS + " attempts");
        });
    }

    private boolean lockExisting(Handle h, EmailAddress email, EmailPurpose purpose) {
        return switch (rowLocking) {
            case SELECT_FOR_UPDATE -> h.createQuery(LOCK_EXISTING).bind("canonical", email.canonical())
                    .bind("purpose", purpose.name()).mapTo(String.class).findOne().isPresent();
            case UPDATE_IN_PLACE -> h.createUpdate(LOCK_EXISTING_IN_PLACE).bind("canonical", email.canonical())
                    .bind("purpose", purpose.name()).execute() == 1;
        };
    }

    @Override
    public List<Instant> acceptedSince(EmailAddress email, EmailPurpose purpose, Instant since) {
        return Handles.with(jdbi, h -> h.createQuery(ACCEPTED_SINCE).bind("canonical", email.canonical())
                .bind("purpose", purpose.name()).bind("since", Timestamps.toColumn(since)).map(INSTANTS).list());
    }

    @Override
    public List<Instant> acceptedFromAccountSince(AccountId account, Instant since) {
        return Handles.with(jdbi, h -> h.createQuery(ACCEPTED_FROM_ACCOUNT_SINCE).bind("accountId", account.value())
                .bind("since", Timestamps.toColumn(since)).map(INSTANTS).list());
    }

    @Override
    public void record(EmailRequest request) {
        Handles.with(jdbi, h -> h.createUpdate(INSERT)
                .bind("id", request.id())
                .bind("canonical", request.email().canonical())
                .bind("purpose", request.purpose().name())
                .bindByType("accountId", request.account().map(AccountId::value).orElse(null), UUID.class)
                .bind("acceptedAt", Timestamps.toColumn(request.acceptedAt()))
                .execute());
    }

    @Override
    public void forget(UUID requestId) {
        Handles.with(jdbi, h -> h.attach(Statements.class).delete(requestId));
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return Handles.with(jdbi, h -> {
            Statements dao = h.attach(Statements.class);
            OffsetDateTime at = Timestamps.toColumn(cutoff);
            int purged = 0;
            // In batches, as the token purge does, for the same reasons.
            for (List<UUID> batch = dao.acceptedBefore(at); !batch.isEmpty(); batch = dao.acceptedBefore(at)) {
                purged += dao.deleteAll(batch);
            }
            dao.purgeUnusedLocks();
            return purged;
        });
    }

    /** The plain statements, as a SqlObject: those not run on every request (attaching one re-prepares each method). */
    interface Statements {

        @SqlUpdate("DELETE FROM email_request WHERE id = :id")
        int delete(@Bind("id") UUID id);

        /** The next batch to purge; see {@link JdbiEmailTokenRepository.Statements#spentBefore} for why in batches, and why by key. */
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
}
