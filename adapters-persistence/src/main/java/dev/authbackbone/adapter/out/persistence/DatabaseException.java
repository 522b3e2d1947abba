package dev.authbackbone.adapter.out.persistence;

/**
 * A database call failed (unreachable, timed out, or refused a statement). It replaces the JDBI
 * exception at the port boundary; its message names the failing SQL but never the bound values.
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
