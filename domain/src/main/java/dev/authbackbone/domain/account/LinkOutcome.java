package dev.authbackbone.domain.account;

/** What became of an attempt to record an address as a verified identity of an account. */
public sealed interface LinkOutcome {

    /** The address is now a verified identity of the account. */
    record Linked() implements LinkOutcome {}

    /** The address was already a verified identity of this same account; nothing changed. */
    record AlreadyLinked() implements LinkOutcome {}

    /** Another account holds the address; nothing changed. */
    record HeldByAnotherAccount() implements LinkOutcome {}
}
