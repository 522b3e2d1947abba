package dev.authbackbone.domain.account;

import dev.authbackbone.domain.email.EmailAddress;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/** A verified address of an account; the one it first signed in with is its primary. */
public record EmailIdentity(AccountId account, EmailAddress email, boolean primary, Instant verifiedAt) {

    public EmailIdentity {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }

    /** The primary address among {@code identities} (those of one account); empty when none is primary. */
    public static Optional<EmailAddress> primaryAmong(Collection<EmailIdentity> identities) {
        return identities.stream().filter(EmailIdentity::primary).map(EmailIdentity::email).findFirst();
    }
}
