package dev.authbackbone.domain.port.in.confirmation;

import dev.authbackbone.domain.email.EmailAddress;
import java.time.Duration;

/** What came of a re-send. */
public sealed interface ResendEmailConfirmationResult {

    /** One method per outcome: an inbound adapter maps every outcome, and a new one does not compile until it is mapped. */
    interface Visitor<T> {
        T sent(Sent outcome);
        T alreadyConfirmed(AlreadyConfirmed outcome);
        T noPendingConfirmation(NoPendingConfirmation outcome);
        T rateLimited(RateLimited outcome);
        T mailUnavailable(MailUnavailable outcome);
        T unknownAccount(UnknownAccount outcome);
        T accountDisabled(AccountDisabled outcome);
        T sessionEnded(SessionEnded outcome);
    }

    /** The visitor's method for this outcome, applied. */
    <T> T accept(Visitor<T> visitor);

    /** A fresh link went out to {@code email}; earlier links stay valid. */
    record Sent(EmailAddress email) implements ResendEmailConfirmationResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.sent(this);
        }
    }

    /** The named address is already a verified identity of the caller's account. */
    record AlreadyConfirmed(EmailAddress email) implements ResendEmailConfirmationResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.alreadyConfirmed(this);
        }
    }

    /** The caller has no pending confirmation (for the named address, or at all). */
    record NoPendingConfirmation() implements ResendEmailConfirmationResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.noPendingConfirmation(this);
        }
    }

    /** A quota is used up; nothing was sent or stored. */
    record RateLimited(Duration retryAfter) implements ResendEmailConfirmationResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.rateLimited(this);
        }
    }

    /** The mail transport is down; nothing usable was stored and no quota was used. */
    record MailUnavailable(Duration retryAfter) implements ResendEmailConfirmationResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.mailUnavailable(this);
        }
    }

    /** The access token names an account that does not exist (any more). */
    record UnknownAccount() implements ResendEmailConfirmationResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.unknownAccount(this);
        }
    }

    /** An operator disabled the account. */
    record AccountDisabled() implements ResendEmailConfirmationResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.accountDisabled(this);
        }
    }

    /**
     * The caller's session ended (or outlived its lifetimes) after its access token was checked and
     * before the account's lock was taken; nothing was stored, counted or sent.
     */
    record SessionEnded() implements ResendEmailConfirmationResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.sessionEnded(this);
        }
    }
}
