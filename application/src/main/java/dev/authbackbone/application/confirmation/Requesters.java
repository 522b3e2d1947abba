package dev.authbackbone.application.confirmation;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.out.AccountRepository;
import java.util.Optional;

/** The account that asks for a confirmation, as its mail names it: by its primary address. */
final class Requesters {

    private Requesters() {}

    /** The primary address of {@code account}; empty when the account is unknown. */
    static Optional<EmailAddress> primaryOf(AccountRepository accounts, AccountId account) {
        return accounts.identitiesOf(account).stream().filter(EmailIdentity::primary).map(EmailIdentity::email)
                .findFirst();
    }
}
