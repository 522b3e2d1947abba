package dev.authbackbone.domain.port.in.signin;

import java.time.Duration;

/** What came of a magic-link request; {@link Accepted} is the same for every address. */
public sealed interface RequestSignInLinkResult {

    /** A link or a notice went out to the address. */
    record Accepted() implements RequestSignInLinkResult {}

    /** The address's quota is used up; nothing was sent or stored. */
    record RateLimited(Duration retryAfter) implements RequestSignInLinkResult {}

    /** The mail transport is down; nothing usable was stored and no quota was used. */
    record MailUnavailable(Duration retryAfter) implements RequestSignInLinkResult {}
}
