package dev.authbackbone.domain.port.out;

import java.time.Duration;
import java.util.Objects;

/**
 * The database cannot be reached, or did not answer in time (no connection to be had, connection
 * lost, a lock or statement timed out); asking again after {@link #retryAfter()} may work. Nothing
 * of the failed unit of work was stored. Programming errors (bad SQL, a broken constraint) are
 * other exceptions, so that an outage can be answered 503 without hiding a bug behind it.
 */
public final class StorageUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public StorageUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long a client should wait before trying again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
