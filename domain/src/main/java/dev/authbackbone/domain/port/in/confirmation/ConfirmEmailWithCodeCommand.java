package dev.authbackbone.domain.port.in.confirmation;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import java.util.Objects;

/**
 * The signed-in {@code account} presents the code mailed to {@code email}; the raw code text may be
 * anything, and is checked by the use case.
 */
public record ConfirmEmailWithCodeCommand(AccountId account, EmailAddress email, String code, RequestOrigin origin) {

    public ConfirmEmailWithCodeCommand {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
        return "ConfirmEmailWithCodeCommand[account=" + account + ", email=redacted, code=redacted, origin=" + origin + "]";
    }
}
