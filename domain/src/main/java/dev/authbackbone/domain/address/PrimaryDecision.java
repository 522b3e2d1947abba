package dev.authbackbone.domain.address;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.AccountStanding;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.reason.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a request to make an address the account's primary comes to. */
public sealed interface PrimaryDecision {

    /**
     * Decides, over the account's standing and its own verified identities only (so the answer says
     * nothing about other accounts): refused when the account may not act or {@code wanted} is not
     * one of its verified addresses; unchanged when it is the primary already; else a switch away
     * from the current primary.
     */
    static PrimaryDecision decide(AccountId account, AccountStanding standing, List<EmailIdentity> verified,
                                  EmailAddress wanted) {
        if (standing instanceof AccountStanding.Refused refused) {
            return new Refuse(refused.why(), account, wanted);
        }
        Optional<EmailIdentity> target = verified.stream().filter(i -> i.email().equals(wanted)).findFirst();
        if (target.isEmpty()) {
            return new Refuse(Reason.NOT_AN_ADDRESS_OF_THE_ACCOUNT, account, wanted);
        }
        if (target.get().primary()) {
            return new Unchanged(target.get().email());
        }
        EmailIdentity current = verified.stream().filter(EmailIdentity::primary).findFirst()
                .orElseThrow(() -> new IllegalStateException("an account has exactly one primary address"));
        return new Switch(account, current.email(), target.get().email());
    }

    /** Nothing changes, for {@code why}. */
    record Refuse(Reason why, AccountId account, EmailAddress wanted) implements PrimaryDecision {
        public Refuse {
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(wanted, "wanted");
        }

        /** The trail's record of the refusal. */
        public AuditEvent auditEvent(Instant now, RequestOrigin origin) {
            return AuditEvent.of(AuditEventType.PRIMARY_CHANGE_REFUSED, now, origin).account(account).email(wanted)
                    .reason(why);
        }
    }

    /** {@code email} is the primary already: nothing to change, nothing to mail. */
    record Unchanged(EmailAddress email) implements PrimaryDecision {
        public Unchanged {
            Objects.requireNonNull(email, "email");
        }
    }

    /** {@code to} becomes primary instead of {@code from}, which is mailed an undo link. */
    record Switch(AccountId account, EmailAddress from, EmailAddress to) implements PrimaryDecision {
        public Switch {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }

        /** The trail's record of the change, naming the new primary. */
        public AuditEvent auditEvent(Instant now, RequestOrigin origin) {
            return AuditEvent.of(AuditEventType.PRIMARY_CHANGED, now, origin).account(account).email(to);
        }
    }
}
