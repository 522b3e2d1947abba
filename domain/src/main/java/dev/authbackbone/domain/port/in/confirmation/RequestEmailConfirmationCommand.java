package dev.authbackbone.domain.port.in.confirmation;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.session.Caller;
import java.util.Objects;

/** {@code caller} (an account, signed in with a session) wants {@code email} linked to its account. */
public record RequestEmailConfirmationCommand(Caller caller, EmailAddress email, RequestOrigin origin) {

    public RequestEmailConfirmationCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(origin, "origin");
    }

    /** A command from an unknown origin. */
    public RequestEmailConfirmationCommand(Caller caller, EmailAddress email) {
        this(caller, email, RequestOrigin.unknown());
    }

    /** The account asking. */
    public AccountId account() {
        return caller.account();
    }
}
