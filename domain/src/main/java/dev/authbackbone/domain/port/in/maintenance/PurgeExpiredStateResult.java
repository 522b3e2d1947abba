package dev.authbackbone.domain.port.in.maintenance;

/** What one purge deleted. */
public sealed interface PurgeExpiredStateResult {

    /** Deleted {@code tokens} spent tokens, {@code ledgerEntries} quota ledger entries and {@code auditEvents} old audit events (any may be 0). */
    record Purged(int tokens, int ledgerEntries, int auditEvents) implements PurgeExpiredStateResult {}
}
