package dev.authbackbone.domain.port.in.confirmation;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.session.Caller;
import java.util.Objects;
import java.util.Optional;

/** {@code caller} wants the confirmation for {@code email} (or its account's most recent pending one) re-sent. */
public record ResendEmailConfirmationCommand(Caller caller, Optional<EmailAddress> email, RequestOrigin origin) {

    public ResendEmailConfirmationCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(origin, "origin");
    }

    /** A command from an unknown origin. */
    public ResendEmailConfirmationCommand(Caller caller, Optional<EmailAddress> email) {
        this(caller, email, RequestOrigin.unknown());
    }

    /** The account asking. */
    public AccountId account() {
        return caller.account();
    }
}
