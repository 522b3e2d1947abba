package dev.authbackbone.domain.port.out;

import dev.authbackbone.domain.mail.Mail;

/**
 * Sends one mail. Returns once the mail transport has accepted it, or once the recipient was
 * permanently rejected (that is the address's fate, not the transport's).
 */
public interface MailSender {

    /**
     * Sends {@code mail}.
     *
     * @throws MailUnavailableException when the transport is down, slow or refusing for now
     */
    void send(Mail mail);
}
