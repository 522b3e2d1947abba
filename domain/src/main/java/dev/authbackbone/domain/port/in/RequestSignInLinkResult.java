package dev.authbackbone.domain.port.in;

import dev.authbackbone.domain.port.in.Refusal.MailUnavailable;
import dev.authbackbone.domain.port.in.Refusal.RateLimited;

/** What came of a magic-link request; {@link Accepted} is the same for every address. */
public sealed interface RequestSignInLinkResult permits RequestSignInLinkResult.Accepted, RateLimited, MailUnavailable {

    /** A link or a notice went out to the address. */
    record Accepted() implements RequestSignInLinkResult {}
}
