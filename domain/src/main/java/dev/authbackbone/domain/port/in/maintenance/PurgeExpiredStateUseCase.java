package dev.authbackbone.domain.port.in.maintenance;

/** Deletes stored state that no rule needs any more: long-spent tokens and ledger entries older than every quota window. */
public interface PurgeExpiredStateUseCase {

    /** Purges once; safe to run on every instance sharing the database at the same time. */
    PurgeExpiredStateResult purge();
}
