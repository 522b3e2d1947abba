package dev.authbackbone.domain.port.in;

import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.port.in.Refusal.AccountDisabled;
import dev.authbackbone.domain.port.in.Refusal.UnknownAccount;
import java.util.List;

/** An account's recent events, or why they cannot be shown. */
public sealed interface ViewAccountEventsResult
        permits ViewAccountEventsResult.Found, UnknownAccount, AccountDisabled {

    /** The events, newest first. */
    record Found(List<AuditEvent> events) implements ViewAccountEventsResult {
        public Found {
            events = List.copyOf(events);
        }
    }
}
