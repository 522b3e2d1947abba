package dev.authbackbone.domain.port.in.maintenance;

/**
 * Deletes stored state that no rule needs any more: long-spent tokens and undo links, ledger entries
 * older than every quota window, audit events past their retention, and ended or expired sessions.
 */
public interface PurgeExpiredStateUseCase {

    /** Purges once; safe to run on every instance sharing the database at the same time. */
    PurgeExpiredStateResult purge();
}
