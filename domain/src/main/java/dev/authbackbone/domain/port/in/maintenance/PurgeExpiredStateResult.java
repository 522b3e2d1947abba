package dev.authbackbone.domain.port.in.maintenance;

/** What one purge deleted. */
public sealed interface PurgeExpiredStateResult {

    /**
     * Deleted {@code tokens} spent tokens, {@code ledgerEntries} quota ledger entries, {@code auditEvents}
     * old audit events and {@code sessions} ended or expired sessions (any may be 0).
     */
    record Purged(int tokens, int ledgerEntries, int auditEvents, int sessions) implements PurgeExpiredStateResult {}
}
