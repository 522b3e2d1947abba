package dev.authbackbone.domain.audit;

/**
 * The security events the audit trail records. The reasons an event may carry are listed with
 * it; none of them tells the caller more than the HTTP answer did (no oracle for whether an
 * address is verified somewhere).
 */
public enum AuditEventType {

    /** Someone asked for a sign-in link for an address; the account is the address's holder, if any. */
    SIGN_IN_LINK_REQUESTED,

    /** A signed-in account asked for a confirmation link; reason {@code resend} for a re-send. */
    CONFIRMATION_REQUESTED,

    /** The mail for a request went out (link or notice: the trail does not say which). */
    MAIL_SENT,

    /** The mail for a request could not be sent; the request was undone. */
    MAIL_FAILED,

    /** A quota refused a request; reason {@code per_address} or {@code per_account}. */
    RATE_LIMITED,

    /** A confirmation link was used: the address is now a verified identity of the account. */
    EMAIL_CONFIRMED,

    /**
     * A confirmation link was refused; reason {@code invalid_token} (unknown, expired, used: the
     * account and address are then unknown), {@code account_disabled} or {@code address_taken}.
     */
    CONFIRMATION_REJECTED,

    /** A sign-in link was used; reason {@code account_opened} when this sign-in opened the account. */
    SIGNED_IN,

    /** A sign-in link was refused; reason {@code invalid_token} or {@code account_disabled}. */
    SIGN_IN_REJECTED,

    /** An operator opened an account for an address. */
    ACCOUNT_OPENED,

    /** An operator disabled an account. */
    ACCOUNT_DISABLED,

    /** An operator re-enabled an account. */
    ACCOUNT_ENABLED,

    /** The account made another of its verified addresses primary; the address is the new primary. */
    PRIMARY_CHANGED,

    /**
     * A primary change was refused; reason {@code not_an_address_of_the_account},
     * {@code account_disabled} or {@code unknown_account}.
     */
    PRIMARY_CHANGE_REFUSED,

    /** The undo link mailed to the previous primary was used: it is primary again, every session ended. */
    PRIMARY_CHANGE_UNDONE,

    /** An undo link was refused; reason {@code invalid_token} or {@code address_gone}. */
    PRIMARY_UNDO_REJECTED,

    /** The account removed one of its addresses; reason {@code pending_address} when it was pending. */
    ADDRESS_REMOVED,

    /**
     * A removal was refused; reason {@code primary_address}, {@code not_an_address_of_the_account},
     * {@code account_disabled} or {@code unknown_account}.
     */
    ADDRESS_REMOVAL_REFUSED
}
