/**
 * Linking an address to an account, as pure decisions over loaded state: whether a confirmation
 * request mails a link, a notice or nothing ({@link dev.authbackbone.domain.confirmation.ConfirmationRequest}),
 * and what presenting a confirmation token comes to ({@link dev.authbackbone.domain.confirmation.ConfirmationRedemption}).
 * No ports and no I/O; the confirmation services in {@code application} load, decide with these, store and send.
 */
package dev.authbackbone.domain.confirmation;
