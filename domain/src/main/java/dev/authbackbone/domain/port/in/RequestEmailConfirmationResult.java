package dev.authbackbone.domain.port.in;

import dev.authbackbone.domain.port.in.Refusal.AccountDisabled;
import dev.authbackbone.domain.port.in.Refusal.MailUnavailable;
import dev.authbackbone.domain.port.in.Refusal.RateLimited;
import dev.authbackbone.domain.port.in.Refusal.UnknownAccount;

/**
 * What came of a confirmation request. {@link Accepted} is the same whatever the address's state
 * (unknown, pending, verified here or elsewhere), so the answer reveals nothing.
 */
public sealed interface RequestEmailConfirmationResult
        permits RequestEmailConfirmationResult.Accepted, RateLimited, MailUnavailable, UnknownAccount, AccountDisabled {

    /** A link or a notice went out to the address. */
    record Accepted() implements RequestEmailConfirmationResult {}
}
