package dev.authbackbone.adapter.out.mail;

/**
 * The cause of a {@link dev.authbackbone.domain.port.out.MailUnavailableException} when the SMTP
 * server works but refused this one mail for now (a 4xx to RCPT TO or DATA). Anyone can ask for
 * mail to an address whose domain the relay defers, so such a refusal must not count toward opening
 * the circuit breaker; it stays inside this adapter.
 */
final class RecipientDeferredException extends RuntimeException {

    RecipientDeferredException() {
        super("the SMTP server refused this recipient for now", null, false, false);
    }
}
