package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.port.out.AuditTrail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The trail as a list, in the order events were recorded. */
public final class InMemoryAuditTrail implements AuditTrail {

    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
        events.add(event);
    }

    @Override
    public synchronized List<AuditEvent> recentFor(AccountId account, int limit) {
        List<AuditEvent> mine = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).account().equals(Optional.of(account))) {
                mine.add(events.get(i));
            }
        }
        // Newest first by time; among equal times, the later recorded first (the loop's order, kept by a stable sort).
        mine.sort(Comparator.comparing(AuditEvent::occurredAt).reversed());
        return List.copyOf(mine.subList(0, Math.min(limit, mine.size())));
    }

    @Override
    public synchronized int purgeBefore(Instant cutoff) {
        int before = events.size();
        events.removeIf(event -> event.occurredAt().isBefore(cutoff));
        return before - events.size();
    }

    /** Every recorded event, oldest first. */
    public synchronized List<AuditEvent> all() {
        return List.copyOf(events);
    }

    /** The types of every recorded event, oldest first. */
    public synchronized List<AuditEventType> types() {
        return events.stream().map(AuditEvent::type).toList();
    }
}
