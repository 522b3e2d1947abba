package dev.authbackbone.bootstrap.ops;

import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.out.MailSender;
import dev.authbackbone.domain.port.out.MailUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Counts mails by kind as they leave: {@code auth_mails_sent_total} and {@code auth_mails_failed_total}
 * (failed = the transport, or the open breaker, refused it). The kind is what was asked for
 * (confirmation or sign-in), never whether a link or a notice went out: the scrape may be read by
 * the requester, and a notice must look like a link. Never the recipient either.
 */
final class MeteredMailSender implements MailSender {

    static final List<String> KINDS = List.of("confirmation", "sign_in", "primary_changed_notice",
            "address_removed_notice", "address_linked_notice");

    private final MailSender delegate;
    private final MeterRegistry registry;

    MeteredMailSender(MailSender delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
        KINDS.forEach(kind -> {
            counter("auth.mails.sent", kind);
            counter("auth.mails.failed", kind);
        });
    }

    @Override
    public void send(Mail mail) {
        String kind = kind(mail);
        try {
            delegate.send(mail);
        } catch (MailUnavailableException e) {
            counter("auth.mails.failed", kind).increment();
            throw e;
        }
        counter("auth.mails.sent", kind).increment();
    }

    private Counter counter(String name, String kind) {
        return Counter.builder(name).tag("kind", kind).description("Mails by kind").register(registry);
    }

    static String kind(Mail mail) {
        // A notice sent in place of a link counts as that link: the scrape must not tell them apart.
        if (mail instanceof Mail.ConfirmationLink || mail instanceof Mail.AlreadyLinkedNotice) {
            return "confirmation";
        }
        if (mail instanceof Mail.SignInLink || mail instanceof Mail.AccountDisabledNotice) {
            return "sign_in";
        }
        if (mail instanceof Mail.PrimaryChangedNotice) {
            return "primary_changed_notice";
        }
        if (mail instanceof Mail.AddressRemovedNotice) {
            return "address_removed_notice";
        }
        return "address_linked_notice";
    }
}
