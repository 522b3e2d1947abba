package dev.authbackbone.domain.port.in.confirmation;

import java.time.Duration;

/**
 * What came of a confirmation request. {@link Accepted} is the same whatever the address's state
 * (unknown, pending, verified here or elsewhere), so the answer reveals nothing.
 */
public sealed interface RequestEmailConfirmationResult {

    /** A link or a notice went out to the address. */
    record Accepted() implements RequestEmailConfirmationResult {}

    /** A quota is used up; nothing was sent or stored. */
    record RateLimited(Duration retryAfter) implements RequestEmailConfirmationResult {}

    /** The mail transport is down; nothing usable was stored and no quota was used. */
    record MailUnavailable(Duration retryAfter) implements RequestEmailConfirmationResult {}

    /** The access token names an account that does not exist (any more). */
    record UnknownAccount() implements RequestEmailConfirmationResult {}

    /** An operator disabled the account. */
    record AccountDisabled() implements RequestEmailConfirmationResult {}
}
