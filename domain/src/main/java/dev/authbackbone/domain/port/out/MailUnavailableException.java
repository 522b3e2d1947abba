package dev.authbackbone.domain.port.out;

import java.time.Duration;

/** The mail transport cannot take mail now; asking again after {@link #retryAfter()} may work. */
public final class MailUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public MailUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long a client should wait before trying again (at least one second). */
    public Duration retryAfter() {
        return retryAfter;
    }
}
