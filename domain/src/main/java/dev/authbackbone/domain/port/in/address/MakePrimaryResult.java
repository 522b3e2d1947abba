package dev.authbackbone.domain.port.in.address;

import dev.authbackbone.domain.email.EmailAddress;
import java.time.Duration;
import java.util.Objects;

/** What came of a request to make an address primary. */
public sealed interface MakePrimaryResult {

    /** One method per outcome: an inbound adapter maps every outcome, and a new one does not compile until it is mapped. */
    interface Visitor<T> {
        T madePrimary(MadePrimary outcome);
        T notFound(NotFound outcome);
        T unknownAccount(UnknownAccount outcome);
        T accountDisabled(AccountDisabled outcome);
        T mailUnavailable(MailUnavailable outcome);
        T sessionEnded(SessionEnded outcome);
    }

    /** The visitor's method for this outcome, applied. */
    <T> T accept(Visitor<T> visitor);

    /** {@code email} is the primary (now, or already was). */
    record MadePrimary(EmailAddress email) implements MakePrimaryResult {
        public MadePrimary {
            Objects.requireNonNull(email, "email");
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.madePrimary(this);
        }
    }

    /** Not a verified address of the caller (unknown, pending, or another account's: one outcome). */
    record NotFound() implements MakePrimaryResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.notFound(this);
        }
    }

    /** The access token names an account that does not exist (any more). */
    record UnknownAccount() implements MakePrimaryResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.unknownAccount(this);
        }
    }

    /** An operator disabled the account. */
    record AccountDisabled() implements MakePrimaryResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.accountDisabled(this);
        }
    }

    /** The undo link could not be mailed, so the change was taken back. */
    record MailUnavailable(Duration retryAfter) implements MakePrimaryResult {
        public MailUnavailable {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.mailUnavailable(this);
        }
    }

    /**
     * The caller's session ended (or outlived its lifetimes) after its access token was checked and
     * before the account's lock was taken; nothing changed.
     */
    record SessionEnded() implements MakePrimaryResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.sessionEnded(this);
        }
    }
}
