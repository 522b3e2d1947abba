package dev.authbackbone.domain.port.in.account;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.token.EmailToken;
import java.util.List;

/** An account with its addresses, or why it cannot be shown. */
public sealed interface ViewAccountResult {

    /**
     * The account, its verified identities (primary first) and its pending confirmations (usable
     * tokens, newest first, one per address that is not verified already).
     */
    record Found(Account account, List<EmailIdentity> verified, List<EmailToken> pending) implements ViewAccountResult {}

    /** The access token names an account that does not exist (any more). */
    record UnknownAccount() implements ViewAccountResult {}

    /** An operator disabled the account. */
    record AccountDisabled() implements ViewAccountResult {}
}
