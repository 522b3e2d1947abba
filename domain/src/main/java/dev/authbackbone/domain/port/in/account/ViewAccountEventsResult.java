package dev.authbackbone.domain.port.in.account;

import dev.authbackbone.domain.audit.AuditEvent;
import java.util.List;

/** An account's recent events, or why they cannot be shown. */
public sealed interface ViewAccountEventsResult {

    /** One method per outcome: an inbound adapter maps every outcome, and a new one does not compile until it is mapped. */
    interface Visitor<T> {
        T found(Found outcome);
        T unknownAccount(UnknownAccount outcome);
        T accountDisabled(AccountDisabled outcome);
    }

    /** The visitor's method for this outcome, applied. */
    <T> T accept(Visitor<T> visitor);

    /** The events, newest first. */
    record Found(List<AuditEvent> events) implements ViewAccountEventsResult {
        public Found {
            events = List.copyOf(events);
        }

        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.found(this);
        }
    }

    /** The access token names an account that does not exist (any more). */
    record UnknownAccount() implements ViewAccountEventsResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.unknownAccount(this);
        }
    }

    /** An operator disabled the account. */
    record AccountDisabled() implements ViewAccountEventsResult {
        @Override
        public <T> T accept(Visitor<T> visitor) {
            return visitor.accountDisabled(this);
        }
    }
}
