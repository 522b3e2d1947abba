package dev.authbackbone.domain.port.in.confirmation;

import java.time.Duration;

/**
 * What came of a confirmation request. {@link Accepted} is the same whatever the address's state
 * (unknown, pending, verified here or elsewhere), so the answer reveals nothing.
 */
public sealed interface RequestEmailConfirmationResult {

    /** One method per outcome: an inbound adapter maps every outcome, and a new one does not compile until it is mapped. */
    interface Visitor<T> {
        T accepted(Accepted outcome);
        T rateLimited(RateLimited outcome);
        T mailUnavailable(MailUnavailable outcome);
        T unknownAccount(UnknownAccount outcome);
        T accountDisabled(AccountDisabled outcome);
        T sessionEnded(SessionEnded outcome);
    }

    /** The visitor's method for this outcome, applied. */
    <T> T accept(Visitor<T> visitor);

    /** A link or a notice went out to the address. */
    record Accepted() implements RequestEmailConfirmationResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.accepted(this);
        }
    }

    /** A quota is used up; nothing was sent or stored. */
    record RateLimited(Duration retryAfter) implements RequestEmailConfirmationResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.rateLimited(this);
        }
    }

    /** The mail transport is down; nothing usable was stored and no quota was used. */
    record MailUnavailable(Duration retryAfter) implements RequestEmailConfirmationResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.mailUnavailable(this);
        }
    }

    /** The access token names an account that does not exist (any more). */
    record UnknownAccount() implements RequestEmailConfirmationResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.unknownAccount(this);
        }
    }

    /** An operator disabled the account. */
    record AccountDisabled() implements RequestEmailConfirmationResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.accountDisabled(this);
        }
    }

    /**
     * The caller's session ended (or outlived its lifetimes) after its access token was checked and
     * before the account's lock was taken; nothing was stored, counted or sent.
     */
    record SessionEnded() implements RequestEmailConfirmationResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.sessionEnded(this);
        }
    }
}
