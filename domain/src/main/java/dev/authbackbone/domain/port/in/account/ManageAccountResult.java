package dev.authbackbone.domain.port.in.account;

import dev.authbackbone.domain.account.AccountId;

/** What came of an operator's account command. */
public sealed interface ManageAccountResult {

    /** Done; {@code account} is the account acted on. */
    record Done(AccountId account) implements ManageAccountResult {}

    /** No account has that id or verified address; nothing changed. */
    record UnknownAccount() implements ManageAccountResult {}

    /** The address is already verified on another account; nothing changed. */
    record AddressTaken() implements ManageAccountResult {}
}
