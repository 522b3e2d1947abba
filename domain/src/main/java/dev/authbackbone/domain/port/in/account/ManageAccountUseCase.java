package dev.authbackbone.domain.port.in.account;

import dev.authbackbone.domain.email.EmailAddress;

/** An operator opens, disables or re-enables accounts (the command line of the server's jar). */
public interface ManageAccountUseCase {

    /** Opens an account whose verified primary address is {@code email}. */
    ManageAccountResult open(EmailAddress email);

    /** Disables or re-enables the account named by its id or by one of its verified addresses. */
    ManageAccountResult setDisabled(String accountIdOrEmail, boolean disabled);
}
