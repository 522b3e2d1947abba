package dev.authbackbone.domain.port.in.address;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.session.Caller;
import java.util.Objects;

/** {@code caller} (an account, signed in with a session) and the address it wants removed. */
public record RemoveAddressCommand(Caller caller, EmailAddress email, RequestOrigin origin) {

    public RemoveAddressCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(origin, "origin");
    }

    /** The account asking. */
    public AccountId account() {
        return caller.account();
    }
}
