package dev.authbackbone.domain.port.in.address;

import dev.authbackbone.domain.email.EmailAddress;
import java.util.Objects;

/** What came of a request to remove an address. */
public sealed interface RemoveAddressResult {

    /** One method per outcome: an inbound adapter maps every outcome, and a new one does not compile until it is mapped. */
    interface Visitor<T> {
        T removed(Removed outcome);
        T isPrimary(IsPrimary outcome);
        T notFound(NotFound outcome);
        T unknownAccount(UnknownAccount outcome);
        T accountDisabled(AccountDisabled outcome);
        T sessionEnded(SessionEnded outcome);
    }

    /** The visitor's method for this outcome, applied. */
    <T> T accept(Visitor<T> visitor);

    /** {@code email} is no longer an address of the account. */
    record Removed(EmailAddress email) implements RemoveAddressResult {
        public Removed {
            Objects.requireNonNull(email, "email");
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.removed(this);
        }
    }

    /** It is the account's primary, which cannot be removed. */
    record IsPrimary() implements RemoveAddressResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.isPrimary(this);
        }
    }

    /** Neither a verified nor a pending address of the caller (unknown or another account's: one outcome). */
    record NotFound() implements RemoveAddressResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.notFound(this);
        }
    }

    /** The access token names an account that does not exist (any more). */
    record UnknownAccount() implements RemoveAddressResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.unknownAccount(this);
        }
    }

    /** An operator disabled the account. */
    record AccountDisabled() implements RemoveAddressResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.accountDisabled(this);
        }
    }

    /**
     * The caller's session ended (or outlived its lifetimes) after its access token was checked and
     * before the account's lock was taken; nothing changed.
     */
    record SessionEnded() implements RemoveAddressResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.sessionEnded(this);
        }
    }
}
