package dev.authbackbone.domain.port.in.confirmation;

import dev.authbackbone.domain.email.EmailAddress;

/** What came of using a confirmation token. */
public sealed interface ConfirmEmailResult {

    /** One method per outcome: an inbound adapter maps every outcome, and a new one does not compile until it is mapped. */
    interface Visitor<T> {
        T confirmed(Confirmed outcome);
        T invalidToken(InvalidToken outcome);
        T addressTaken(AddressTaken outcome);
    }

    /** The visitor's method for this outcome, applied. */
    <T> T accept(Visitor<T> visitor);

    /** The address is a verified identity of the account that asked for it. */
    record Confirmed(EmailAddress email) implements ConfirmEmailResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.confirmed(this);
        }
    }

    /**
     * Unknown, expired, used, revoked (other than by another account taking the address), malformed,
     * or its account is disabled: one outcome, so that the answer is no oracle.
     */
    record InvalidToken() implements ConfirmEmailResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.invalidToken(this);
        }
    }

    /**
     * Another account verified the address after this token was issued, racing it or long before;
     * the token is spent, and presenting it again gives the same answer until it expires.
     */
    record AddressTaken() implements ConfirmEmailResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.addressTaken(this);
        }
    }
}
