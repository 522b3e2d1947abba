package dev.authbackbone.domain.port.in.confirmation;

import dev.authbackbone.domain.email.EmailAddress;

/** What came of using a confirmation token. */
public sealed interface ConfirmEmailResult {

    /** The address is a verified identity of the account that asked for it. */
    record Confirmed(EmailAddress email) implements ConfirmEmailResult {}

    /**
     * Unknown, expired, used, revoked (other than by another account taking the address), malformed,
     * or its account is disabled: one outcome, so that the answer is no oracle.
     */
    record InvalidToken() implements ConfirmEmailResult {}

    /**
     * Another account verified the address after this token was issued, racing it or long before;
     * the token is spent, and presenting it again gives the same answer until it expires.
     */
    record AddressTaken() implements ConfirmEmailResult {}
}
