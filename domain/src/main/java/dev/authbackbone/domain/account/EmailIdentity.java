package dev.authbackbone.domain.account;

import dev.authbackbone.domain.email.EmailAddress;
import java.time.Instant;
import java.util.Objects;

/** A verified address of an account; the one it first signed in with is its primary. */
public record EmailIdentity(AccountId account, EmailAddress email, boolean primary, Instant verifiedAt) {

    public EmailIdentity {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }
}
