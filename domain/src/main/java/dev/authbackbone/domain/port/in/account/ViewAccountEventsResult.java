package dev.authbackbone.domain.port.in.account;

import dev.authbackbone.domain.audit.AuditEvent;
import java.util.List;

/** An account's recent events, or why they cannot be shown. */
public sealed interface ViewAccountEventsResult {

    /** The events, newest first. */
    record Found(List<AuditEvent> events) implements ViewAccountEventsResult {
        public Found {
            events = List.copyOf(events);
        }
    }

    /** The access token names an account that does not exist (any more). */
    record UnknownAccount() implements ViewAccountEventsResult {}

    /** An operator disabled the account. */
    record AccountDisabled() implements ViewAccountEventsResult {}
}
