package dev.authbackbone.domain.port.in.confirmation;

import dev.authbackbone.domain.email.EmailAddress;
import java.time.Duration;

/** What came of a re-send. */
public sealed interface ResendEmailConfirmationResult {

    /** A fresh link went out to {@code email}; earlier links stay valid. */
    record Sent(EmailAddress email) implements ResendEmailConfirmationResult {}

    /** The named address is already a verified identity of the caller's account. */
    record AlreadyConfirmed(EmailAddress email) implements ResendEmailConfirmationResult {}

    /** The caller has no pending confirmation (for the named address, or at all). */
    record NoPendingConfirmation() implements ResendEmailConfirmationResult {}

    /** A quota is used up; nothing was sent or stored. */
    record RateLimited(Duration retryAfter) implements ResendEmailConfirmationResult {}

    /** The mail transport is down; nothing usable was stored and no quota was used. */
    record MailUnavailable(Duration retryAfter) implements ResendEmailConfirmationResult {}

    /** The access token names an account that does not exist (any more). */
    record UnknownAccount() implements ResendEmailConfirmationResult {}

    /** An operator disabled the account. */
    record AccountDisabled() implements ResendEmailConfirmationResult {}
}
