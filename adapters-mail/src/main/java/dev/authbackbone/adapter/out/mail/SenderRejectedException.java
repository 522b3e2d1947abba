package dev.authbackbone.adapter.out.mail;

/**
 * The cause of a {@link dev.authbackbone.domain.port.out.MailUnavailableException} when the server
 * refused the sender for good (a 5xx to MAIL FROM): SPEC does not count it toward opening the
 * circuit breaker, which counts only the transport's failures (there, a 4xx to MAIL FROM).
 */
final class SenderRejectedException extends RuntimeException {

    SenderRejectedException() {
        super("the SMTP server refused the sender for good", null, false, false);
    }
}
