package dev.authbackbone.domain.port.out;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: repository calls made inside {@code work} on the same
 * thread commit together or not at all. Mail is never sent inside one. Throws
 * {@link StorageUnavailableException} when the database cannot be reached in time; nothing of
 * {@code work} is then stored.
 */
public interface UnitOfWork {

    /** Runs {@code work} in a transaction and commits it, or rolls back if it throws. */
    <T> T inTransaction(Supplier<T> work);
}
