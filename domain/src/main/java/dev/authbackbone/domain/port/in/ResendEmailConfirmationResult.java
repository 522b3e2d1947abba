package dev.authbackbone.domain.port.in;

import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.in.Refusal.AccountDisabled;
import dev.authbackbone.domain.port.in.Refusal.MailUnavailable;
import dev.authbackbone.domain.port.in.Refusal.RateLimited;
import dev.authbackbone.domain.port.in.Refusal.UnknownAccount;

/** What came of a re-send. */
public sealed interface ResendEmailConfirmationResult permits ResendEmailConfirmationResult.Sent,
        ResendEmailConfirmationResult.AlreadyConfirmed, ResendEmailConfirmationResult.NoPendingConfirmation,
        RateLimited, MailUnavailable, UnknownAccount, AccountDisabled {

    /** A fresh link went out to {@code email}; earlier links stay valid. */
    record Sent(EmailAddress email) implements ResendEmailConfirmationResult {}

    /** The named address is already a verified identity of the caller's account. */
    record AlreadyConfirmed(EmailAddress email) implements ResendEmailConfirmationResult {}

    /** The caller has no pending confirmation (for the named address, or at all). */
    record NoPendingConfirmation() implements ResendEmailConfirmationResult {}
}
