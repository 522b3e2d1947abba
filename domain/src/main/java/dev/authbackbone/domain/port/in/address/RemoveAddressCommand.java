package dev.authbackbone.domain.port.in.address;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import java.util.Objects;

/** The caller's account and the address it wants removed. */
public record RemoveAddressCommand(AccountId account, EmailAddress email, RequestOrigin origin) {

    public RemoveAddressCommand {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(origin, "origin");
    }
}
