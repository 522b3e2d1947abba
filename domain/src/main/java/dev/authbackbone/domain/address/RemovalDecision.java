package dev.authbackbone.domain.address;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.AccountStanding;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.reason.Reason;
import dev.authbackbone.domain.token.EmailToken;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a request to remove one of the account's addresses comes to. */
public sealed interface RemovalDecision {

    /**
     * Decides, over the account's standing, its own verified identities and its own pending
     * confirmations only: refused when the account may not act, when {@code target} is its primary,
     * or when it is neither verified nor pending on it; else the verified identity, or the pending
     * address, is removed. The account's primary is named so that it can be told.
     */
    static RemovalDecision decide(AccountId account, AccountStanding standing, List<EmailIdentity> verified,
                                  List<EmailToken> pending, EmailAddress target) {
        if (standing instanceof AccountStanding.Refused refused) {
            return new Refuse(refused.why(), account, target);
        }
        Optional<EmailIdentity> identity = verified.stream().filter(i -> i.email().equals(target)).findFirst();
        if (identity.isPresent() && identity.get().primary()) {
            return new Refuse(Reason.PRIMARY_ADDRESS, account, target);
        }
        EmailAddress primary = EmailIdentity.primaryAmong(verified)
                .orElseThrow(() -> new IllegalStateException("an account has exactly one primary address"));
        if (identity.isPresent()) {
            return new Remove(account, identity.get().email(), false, primary);
        }
        return pending.stream().map(EmailToken::email).filter(target::equals).findFirst()
                .<RemovalDecision>map(email -> new Remove(account, email, true, primary))
                .orElseGet(() -> new Refuse(Reason.NOT_AN_ADDRESS_OF_THE_ACCOUNT, account, target));
    }

    /** Nothing changes, for {@code why}. */
    record Refuse(Reason why, AccountId account, EmailAddress target) implements RemovalDecision {
        public Refuse {
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(target, "target");
        }

        /** The trail's record of the refusal. */
        public AuditEvent auditEvent(Instant now, RequestOrigin origin) {
            return AuditEvent.of(AuditEventType.ADDRESS_REMOVAL_REFUSED, now, origin).account(account).email(target)
                    .reason(why);
        }
    }

    /**
     * {@code email} leaves the account: its verified identity is deleted, or, when {@code pending},
     * its outstanding confirmation links stop working. {@code primary} is told.
     */
    record Remove(AccountId account, EmailAddress email, boolean pending, EmailAddress primary) implements RemovalDecision {
        public Remove {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(primary, "primary");
        }

        /** The trail's record of the removal; reason {@code pending_address} for a pending one. */
        public AuditEvent auditEvent(Instant now, RequestOrigin origin) {
            AuditEvent removed = AuditEvent.of(AuditEventType.ADDRESS_REMOVED, now, origin).account(account).email(email);
            return pending ? removed.reason(Reason.PENDING_ADDRESS) : removed;
        }
    }
}
