package dev.authbackbone.domain.port.in;

/** What one purge deleted. */
public sealed interface PurgeExpiredStateResult {

    /** Deleted {@code tokens} spent tokens and {@code ledgerEntries} quota ledger entries (either may be 0). */
    record Purged(int tokens, int ledgerEntries) implements PurgeExpiredStateResult {}
}
