package dev.authbackbone.adapter.out.persistence;

/**
 * A database call failed in a way that retrying will not fix (the database refused a statement or
 * the adapter found an inconsistency), or the database could not be opened at start-up. It replaces
 * the JDBI exception at the port boundary; its message names the failing SQL but never the bound
 * values. Outages while running are {@link dev.authbackbone.domain.port.out.StorageUnavailableException}.
 */
public final class DatabaseException extends RuntimeException {

    /** Wraps a failure of the database library. */
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure detected by the adapter itself. */
    public DatabaseException(String message) {
        super(message);
    }
}
