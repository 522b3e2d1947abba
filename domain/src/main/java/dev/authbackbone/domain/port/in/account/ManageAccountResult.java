package dev.authbackbone.domain.port.in.account;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.session.StartedSession;

/** What came of an operator's account command. */
public sealed interface ManageAccountResult {

    /** One method per outcome: the operator commands map every outcome, and a new one does not compile until it is mapped. */
    interface Visitor<T> {
        T opened(Opened outcome);
        T done(Done outcome);
        T unknownAccount(UnknownAccount outcome);
        T addressTaken(AddressTaken outcome);
    }

    /** The visitor's method for this outcome, applied. */
    <T> T accept(Visitor<T> visitor);

    /**
     * The account is open and signed in from the command line: {@code session} is its first
     * session, with the refresh token to hand to the operator.
     */
    record Opened(AccountId account, StartedSession session) implements ManageAccountResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.opened(this);
        }
    }

    /** Done; {@code account} is the account acted on. */
    record Done(AccountId account) implements ManageAccountResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.done(this);
        }
    }

    /** No account has that id or verified address; nothing changed. */
    record UnknownAccount() implements ManageAccountResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.unknownAccount(this);
        }
    }

    /** The address is already verified on another account; nothing changed. */
    record AddressTaken() implements ManageAccountResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.addressTaken(this);
        }
    }
}
