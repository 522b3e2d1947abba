package dev.authbackbone.domain.port.in;

import java.time.Duration;

/**
 * Refusals that several use cases can end in, as shared result records, so that each inbound
 * adapter maps them in one place.
 */
public final class Refusal {

    private Refusal() {}

    /** A quota is used up; nothing was sent or stored. */
    public record RateLimited(Duration retryAfter) implements RequestEmailConfirmationResult,
            ResendEmailConfirmationResult, RequestSignInLinkResult {}

    /** The mail transport is down; nothing usable was stored and no quota was used. */
    public record MailUnavailable(Duration retryAfter) implements RequestEmailConfirmationResult,
            ResendEmailConfirmationResult, RequestSignInLinkResult {}

    /** The access token names an account that does not exist (any more). */
    public record UnknownAccount() implements RequestEmailConfirmationResult, ResendEmailConfirmationResult,
            ViewAccountResult, ViewAccountEventsResult {}

    /** An operator disabled the account. */
    public record AccountDisabled() implements RequestEmailConfirmationResult, ResendEmailConfirmationResult,
            ViewAccountResult, ViewAccountEventsResult {}
}
