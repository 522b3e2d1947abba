package dev.authbackbone.domain.port.in.account;

import dev.authbackbone.domain.email.EmailAddress;

/** An operator opens, disables or re-enables accounts (the command line of the server's jar). */
public interface ManageAccountUseCase {

    /** Opens an account whose verified primary address is {@code email}, and starts a session of it. */
    ManageAccountResult open(EmailAddress email);

    /**
     * Disables or re-enables the account named by its id or by one of its verified addresses.
     * Disabling ends every session of the account; enabling starts none.
     */
    ManageAccountResult setDisabled(String accountIdOrEmail, boolean disabled);
}
