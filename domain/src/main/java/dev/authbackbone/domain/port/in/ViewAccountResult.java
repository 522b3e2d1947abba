package dev.authbackbone.domain.port.in;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.port.in.Refusal.AccountDisabled;
import dev.authbackbone.domain.port.in.Refusal.UnknownAccount;
import dev.authbackbone.domain.token.EmailToken;
import java.util.List;

/** An account with its addresses, or why it cannot be shown. */
public sealed interface ViewAccountResult permits ViewAccountResult.Found, UnknownAccount, AccountDisabled {

    /**
     * The account, its verified identities (primary first) and its pending confirmations (usable
     * tokens, newest first, one per address).
     */
    record Found(Account account, List<EmailIdentity> verified, List<EmailToken> pending) implements ViewAccountResult {}
}
