package dev.authbackbone.domain.port.in.confirmation;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import java.util.Objects;
import java.util.Optional;

/** {@code account} wants the confirmation for {@code email} (or its most recent pending one) re-sent. */
public record ResendEmailConfirmationCommand(AccountId account, Optional<EmailAddress> email, RequestOrigin origin) {

    public ResendEmailConfirmationCommand {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(origin, "origin");
    }

    /** A command from an unknown origin. */
    public ResendEmailConfirmationCommand(AccountId account, Optional<EmailAddress> email) {
        this(account, email, RequestOrigin.unknown());
    }
}
