package dev.authbackbone.adapter.out.persistence;

/**
 * How a repository takes the lock of a row it is about to read, for the rest of the transaction.
 * Both databases accept {@code SELECT ... FOR UPDATE}, but H2 never keeps such a statement in its
 * per-connection statement cache, so it parsed and planned it again on every call (6 % of a
 * request-email-confirmation's CPU in the profile, for the account's and the address's lock). An
 * {@code UPDATE} that sets a column to its own value takes the same row lock, waits the same way,
 * and is kept. On PostgreSQL that {@code UPDATE} would write a new row version, so there the lock
 * stays with the read.
 */
enum RowLocking {

    /** {@code SELECT ... FOR UPDATE}: one statement (PostgreSQL, and any database by default). */
    SELECT_FOR_UPDATE,

    /** An {@code UPDATE} that changes nothing, then a plain {@code SELECT} if the row exists (H2). */
    UPDATE_IN_PLACE;

    /** The way that suits the database at {@code completedUrl}. */
    static RowLocking of(String completedUrl) {
        return DatabaseUrl.isH2(completedUrl) ? UPDATE_IN_PLACE : SELECT_FOR_UPDATE;
    }
}
