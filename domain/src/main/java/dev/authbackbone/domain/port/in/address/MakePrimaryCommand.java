package dev.authbackbone.domain.port.in.address;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import java.util.Objects;

/** The caller's account and the address it wants as its primary. */
public record MakePrimaryCommand(AccountId account, EmailAddress email, RequestOrigin origin) {

    public MakePrimaryCommand {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(origin, "origin");
    }
}
