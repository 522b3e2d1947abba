package dev.authbackbone.domain.port.in.confirmation;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import java.util.Objects;

/** {@code account} wants {@code email} linked to it. */
public record RequestEmailConfirmationCommand(AccountId account, EmailAddress email, RequestOrigin origin) {

    public RequestEmailConfirmationCommand {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(origin, "origin");
    }

    /** A command from an unknown origin. */
    public RequestEmailConfirmationCommand(AccountId account, EmailAddress email) {
        this(account, email, RequestOrigin.unknown());
    }
}
