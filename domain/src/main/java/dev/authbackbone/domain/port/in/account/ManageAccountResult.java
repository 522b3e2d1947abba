package dev.authbackbone.domain.port.in.account;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.session.StartedSession;

/** What came of an operator's account command. */
public sealed interface ManageAccountResult {

    /**
     * The account is open and signed in from the command line: {@code session} is its first
     * session, with the refresh token to hand to the operator.
     */
    record Opened(AccountId account, StartedSession session) implements ManageAccountResult {}

    /** Done; {@code account} is the account acted on. */
    record Done(AccountId account) implements ManageAccountResult {}

    /** No account has that id or verified address; nothing changed. */
    record UnknownAccount() implements ManageAccountResult {}

    /** The address is already verified on another account; nothing changed. */
    record AddressTaken() implements ManageAccountResult {}
}
