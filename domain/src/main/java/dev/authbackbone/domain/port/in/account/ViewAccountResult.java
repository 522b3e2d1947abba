package dev.authbackbone.domain.port.in.account;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.token.EmailToken;
import java.util.List;

/** An account with its addresses, or why it cannot be shown. */
public sealed interface ViewAccountResult {

    /** One method per outcome: an inbound adapter maps every outcome, and a new one does not compile until it is mapped. */
    interface Visitor<T> {
        T found(Found outcome);
        T unknownAccount(UnknownAccount outcome);
        T accountDisabled(AccountDisabled outcome);
    }

    /** The visitor's method for this outcome, applied. */
    <T> T accept(Visitor<T> visitor);

    /**
     * The account, its verified identities (primary first) and its pending confirmations (usable
     * tokens, newest first, one per address that is not verified already).
     */
    record Found(Account account, List<EmailIdentity> verified, List<EmailToken> pending) implements ViewAccountResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.found(this);
        }
    }

    /** The access token names an account that does not exist (any more). */
    record UnknownAccount() implements ViewAccountResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.unknownAccount(this);
        }
    }

    /** An operator disabled the account. */
    record AccountDisabled() implements ViewAccountResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.accountDisabled(this);
        }
    }
}
