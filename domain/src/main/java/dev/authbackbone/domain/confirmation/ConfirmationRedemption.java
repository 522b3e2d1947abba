package dev.authbackbone.domain.confirmation;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.AccountStanding;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.reason.Reason;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What presenting a confirmation token comes to: the address is confirmed, another account has
 * taken it, or the token is invalid for one {@link Reason}. Each outcome is also the audit
 * event that records it.
 */
public sealed interface ConfirmationRedemption {

    /** The trail's record of this outcome. */
    AuditEvent auditEvent(Instant now, RequestOrigin origin);

    /** The one of {@code ifConfirmed}, {@code ifTaken}, {@code ifInvalid} that fits, applied: the compiler sees every case. */
    <T> T map(Function<Confirmed, T> ifConfirmed, Function<Taken, T> ifTaken, Function<Invalid, T> ifInvalid);

    /** {@code email} may be linked to {@code account} (storing the link can still find it taken: {@link #taken()}). */
    record Confirmed(AccountId account, EmailAddress email) implements ConfirmationRedemption {
        public Confirmed {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(email, "email");
        }

        /** Another account verified the address while this one was confirming it. */
        public Taken taken() {
            return new Taken(Optional.of(account), Optional.of(email));
        }

        @Override
        public <T> T map(Function<Confirmed, T> ifConfirmed, Function<Taken, T> ifTaken, Function<Invalid, T> ifInvalid) {
            return ifConfirmed.apply(this);
        }

        @Override
        public AuditEvent auditEvent(Instant now, RequestOrigin origin) {
            return AuditEvent.of(AuditEventType.EMAIL_CONFIRMED, now, origin).account(account).email(email);
        }
    }

    /** Another account holds the address; the account and address are named when the token was usable. */
    record Taken(Optional<AccountId> account, Optional<EmailAddress> email) implements ConfirmationRedemption {
        @Override
        public <T> T map(Function<Confirmed, T> ifConfirmed, Function<Taken, T> ifTaken, Function<Invalid, T> ifInvalid) {
            return ifTaken.apply(this);
        }

        @Override
        public AuditEvent auditEvent(Instant now, RequestOrigin origin) {
            return rejected(now, origin, Reason.ADDRESS_TAKEN, account, email);
        }
    }

    /** The token confirms nothing, for {@code why}; the account and address are named when known. */
    record Invalid(Reason why, Optional<AccountId> account, Optional<EmailAddress> email)
            implements ConfirmationRedemption {
        @Override
        public <T> T map(Function<Confirmed, T> ifConfirmed, Function<Taken, T> ifTaken, Function<Invalid, T> ifInvalid) {
            return ifInvalid.apply(this);
        }

        @Override
        public AuditEvent auditEvent(Instant now, RequestOrigin origin) {
            return rejected(now, origin, why, account, email);
        }
    }

    /** A token that is malformed, unknown, expired or used: one outcome, so that the answer is no oracle. */
    static Invalid invalidToken() {
        return new Invalid(Reason.INVALID_TOKEN, Optional.empty(), Optional.empty());
    }

    /**
     * A typed code that matched no mail of its address and the caller that could still be checked:
     * the same answer as an invalid token, recorded without account or address (it names neither).
     */
    static Invalid wrongCode() {
        return new Invalid(Reason.INVALID_CODE, Optional.empty(), Optional.empty());
    }

    /** Decides on a token just consumed, given the account that asked for it (empty when it is gone). */
    static ConfirmationRedemption ofConsumed(EmailToken consumed, Optional<Account> owner) {
        if (owner.isEmpty()) {
            return invalidToken();
        }
        if (owner.get().standing() instanceof AccountStanding.Refused refused) {
            return new Invalid(refused.why(), Optional.of(owner.get().id()), Optional.of(consumed.email()));
        }
        return new Confirmed(owner.get().id(), consumed.email());
    }

    /**
     * Decides on a token that could not be consumed, given it as stored, the account that asked for
     * it and the account now holding its address. "Taken" only when it is an unexpired confirmation
     * of an account that may act and another account holds its address: that account's confirmation
     * revoked it. Only the token's holder (the address's mailbox) learns this, so it is no oracle.
     */
    static ConfirmationRedemption ofUnconsumable(Optional<EmailToken> stored, Optional<Account> owner,
                                                 Optional<Account> holder, Instant now) {
        boolean takenByAnother = stored
                .filter(token -> token.purpose() == EmailPurpose.EMAIL_CONFIRMATION && token.expiresAt().isAfter(now))
                .filter(token -> Account.standingOf(owner) instanceof AccountStanding.MayAct)
                .filter(token -> holder.map(h -> h.isOtherThan(token.account())).orElse(false))
                .isPresent();
        return takenByAnother ? new Taken(Optional.empty(), Optional.empty()) : invalidToken();
    }

    private static AuditEvent rejected(Instant now, RequestOrigin origin, Reason why,
                                       Optional<AccountId> account, Optional<EmailAddress> email) {
        return AuditEvent.of(AuditEventType.CONFIRMATION_REJECTED, now, origin).account(account).email(email).reason(why);
    }
}
