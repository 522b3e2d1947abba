package dev.authbackbone.adapter.out.persistence;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The one way the repositories reach the database. {@link Jdbi#withHandle} reuses the handle a
 * {@link JdbiUnitOfWork} bound to this thread, and opens (and closes) a handle otherwise. A failure
 * leaves as {@link dev.authbackbone.domain.port.out.StorageUnavailableException} when the database
 * is out of reach or timed out, and as {@link DatabaseException} otherwise.
 */
final class Handles {

    private Handles() {
    }

    static <T> T with(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw Failures.translate("calling the database", e);
        }
    }

    /**
     * Runs {@code work} atomically: inside a unit of work it simply joins that transaction, outside
     * one it gets a transaction of its own (at the pool's READ COMMITTED).
     */
    static <T> T atomically(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        return with(jdbi, handle -> handle.inTransaction(work::withHandle));
    }
}
