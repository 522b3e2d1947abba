package dev.authbackbone.domain.reason;

import java.util.Arrays;
import java.util.Locale;

/**
 * Why something was refused, rejected or done in an unusual way: the one vocabulary that the
 * decisions of the model return and the audit trail records. Each reason is stored and shown by
 * its {@link #code()}, the lower-case name, so stored events keep their meaning across releases.
 */
public enum Reason {
    /** The token is unknown, expired, used, revoked or malformed; one reason, so it is no oracle. */
    INVALID_TOKEN,
    /** Another account holds the address as a verified identity. */
    ADDRESS_TAKEN,
    /** An operator disabled the account. */
    ACCOUNT_DISABLED,
    /** The access token names an account that does not exist (any more). */
    UNKNOWN_ACCOUNT,
    /** The access token's session has ended or outlived its lifetimes. */
    SESSION_ENDED,
    /** The first sign-in opened the account. */
    ACCOUNT_OPENED,
    /** The account's mail quota is used up. */
    PER_ACCOUNT,
    /** The address's mail quota is used up. */
    PER_ADDRESS,
    /** A confirmation mailed again at the account's request. */
    RESEND,
    /** The address is already a verified identity of the account asking. */
    ALREADY_CONFIRMED,
    /** The account has no pending confirmation to mail again. */
    NO_PENDING_CONFIRMATION,
    /** The address named is not a verified (or, for a removal, pending) address of the account asking. */
    NOT_AN_ADDRESS_OF_THE_ACCOUNT,
    /** The address named is the account's primary, which cannot be removed. */
    PRIMARY_ADDRESS,
    /** The address removed was pending: its confirmation links stopped working. */
    PENDING_ADDRESS,
    /** The address to restore as primary is held by another account now. */
    ADDRESS_GONE,
    /**
     * The address an undo link would restore was linked to the account after the primary it would
     * replace, so undoing could only serve whoever added it (ADR 0019).
     */
    LINKED_AFTER_THE_PRIMARY,
    /** The mail announcing a change could not be sent, so the change was taken back. */
    MAIL_UNAVAILABLE,
    /**
     * A typed code matched no mail of that address that could still be checked (wrong, expired, used
     * up, or another account's); one reason, so it is no oracle.
     */
    INVALID_CODE;

    /** The stored and shown form, e.g. {@code invalid_token}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The reason stored as {@code code}.
     *
     * @throws IllegalArgumentException naming the field when {@code code} is no reason's code
     */
    public static Reason fromCode(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("reason: not a known reason code"));
    }
}
