package dev.authbackbone.adapter.out.mail;

/**
 * The cause of a {@link dev.authbackbone.domain.port.out.MailUnavailableException} when a send found
 * every SMTP connection busy and stalled for {@link SimpleJavaMailSender#MAX_STALL}, or ran out
 * of time after waiting for one more than a tenth of the timeout before it began: it says how busy the pooled
 * connections were (perhaps with recipients the relay is slow to refuse, which anyone can ask mail
 * for), not that the server failed, so it must not count toward opening the circuit breaker.
 */
final class WaitedForAConnectionException extends RuntimeException {

    WaitedForAConnectionException() {
        super("the send waited for a free SMTP connection", null, false, false);
    }
}
