package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.port.out.UnitOfWork;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * {@link UnitOfWork} as one READ COMMITTED transaction on a handle bound to the calling thread.
 *
 * <p>JDBI 3.55 already binds the handle of {@link Jdbi#inTransaction} to the thread (its
 * per-thread {@code HandleScope}), and every {@link Jdbi#withHandle} on that thread, which is how
 * the repositories reach the database, gets that same handle; so the repositories join the
 * transaction without a hand-written {@code ThreadLocal}. A nested unit of work joins the outer
 * one. READ COMMITTED is enough because every rule that needs more (single use, quotas, one holder
 * per address) is enforced with row locks, conditional updates and unique keys, not snapshots.
 */
public final class JdbiUnitOfWork implements UnitOfWork {

    private final Jdbi jdbi;

    /** Over {@code database}'s connection pool; the composition root never handles JDBI itself. */
    public JdbiUnitOfWork(Database database) {
        this(database.jdbi());
    }

    /** Runs units of work on {@code jdbi}, which the repositories must share. */
    public JdbiUnitOfWork(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs {@code work} in a transaction; an exception it throws rolls back and reaches the caller unchanged. */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        RuntimeException[] thrownByWork = new RuntimeException[1];
        try {
            return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> {
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    thrownByWork[0] = e;
                    throw e;
                }
            });
        } catch (JdbiException e) {
            if (thrownByWork[0] != null && thrownByWork[0] != e) {
                // The connection died under work: JDBI's clean-up then fails too, and reports only
                // its own failure. What work met is the answer the caller needs.
                thrownByWork[0].addSuppressed(e);
                throw thrownByWork[0];
            }
            // Begin, commit or rollback failed; failures inside work were translated by the repositories.
            throw Failures.translate("running a transaction", e);
        }
    }
}
