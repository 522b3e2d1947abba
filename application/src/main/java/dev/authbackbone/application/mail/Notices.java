package dev.authbackbone.application.mail;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.out.AuditTrail;
import dev.authbackbone.domain.port.out.MailSender;
import dev.authbackbone.domain.port.out.MailUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Mails a notice about a change already stored, outside any unit of work, and records in the trail
 * whether it went out. Notices use no quota: they go only to an address of the account that acted.
 */
public final class Notices {

    private final MailSender mailSender;
    private final AuditTrail audit;
    private final Clock clock;

    public Notices(MailSender mailSender, AuditTrail audit, Clock clock) {
        this.mailSender = Objects.requireNonNull(mailSender, "mailSender");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Sends {@code mail} about {@code account}; empty when the transport took it, else how long to
     * wait before trying again (the caller decides whether the change stands without its notice).
     */
    public Optional<Duration> send(Mail mail, AccountId account, RequestOrigin origin) {
        try {
            mailSender.send(mail);
        } catch (MailUnavailableException e) {
            audit.record(event(AuditEventType.MAIL_FAILED, mail, account, origin));
            return Optional.of(e.retryAfter());
        }
        audit.record(event(AuditEventType.MAIL_SENT, mail, account, origin));
        return Optional.empty();
    }

    private AuditEvent event(AuditEventType type, Mail mail, AccountId account, RequestOrigin origin) {
        return AuditEvent.of(type, clock.instant(), origin).account(account).email(mail.recipient());
    }
}
