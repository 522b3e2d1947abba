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
import org.jdbi.v3.core.Jdbi;

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

    private final Jdbi jdbi;

    /** Over {@code database}'s connection pool; the composition root never handles JDBI itself. */
    public JdbiEmailRequestLedger(Database database) {
        this(database.jdbi());
    }

    /** Uses {@code jdbi}, which must be the one the {@link JdbiUnitOfWork} uses. */
    public JdbiEmailRequestLedger(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void lock(EmailAddress email, EmailPurpose purpose) {
        Handles.with(jdbi, h -> {
            EmailRequestDao dao = h.attach(EmailRequestDao.class);
            for (int attempt = 0; attempt < LOCK_ATTEMPTS; attempt++) {
                // Lock first: it is the common case, and a failed INSERT is never attempted, so a
                // PostgreSQL transaction is never aborted by this method.
                if (dao.lockExisting(email.canonical(), purpose.name()).isPresent()
                        || dao.insertLockIfAbsent(email.canonical(), purpose.name()) == 1) {
                    return null;
                }
            }
            throw new DatabaseException("could not lock the quota of an address after " + LOCK_ATTEMPTS + " attempts");
        });
    }

    @Override
    public List<Instant> acceptedSince(EmailAddress email, EmailPurpose purpose, Instant since) {
        return Handles.with(jdbi, h -> h.attach(EmailRequestDao.class)
                .acceptedSince(email.canonical(), purpose.name(), Timestamps.toColumn(since)));
    }

    @Override
    public List<Instant> acceptedFromAccountSince(AccountId account, Instant since) {
        return Handles.with(jdbi, h -> h.attach(EmailRequestDao.class)
                .acceptedFromAccountSince(account.value(), Timestamps.toColumn(since)));
    }

    @Override
    public void record(EmailRequest request) {
        Handles.with(jdbi, h -> {
            h.attach(EmailRequestDao.class).insert(request.id(), request.email().canonical(),
                    request.purpose().name(), request.account().map(AccountId::value).orElse(null),
                    Timestamps.toColumn(request.acceptedAt()));
            return null;
        });
    }

    @Override
    public void forget(UUID requestId) {
        Handles.with(jdbi, h -> h.attach(EmailRequestDao.class).delete(requestId));
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return Handles.with(jdbi, h -> {
            EmailRequestDao dao = h.attach(EmailRequestDao.class);
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
}
