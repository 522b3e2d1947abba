package dev.authbackbone.domain.port.out;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.token.EmailPurpose;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One accepted request to mail an address: an entry of the quota ledger. */
public record EmailRequest(UUID id, EmailAddress email, EmailPurpose purpose, Optional<AccountId> account,
                           Instant acceptedAt) {

    public EmailRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }
}
