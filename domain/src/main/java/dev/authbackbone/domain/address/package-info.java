/**
 * Managing an account's addresses, as pure decisions over loaded state: whether a verified address
 * becomes primary ({@link dev.authbackbone.domain.address.PrimaryDecision}), whether an address is
 * removed ({@link dev.authbackbone.domain.address.RemovalDecision}), and what presenting an undo link
 * comes to ({@link dev.authbackbone.domain.address.UndoDecision}); and the stored undo link itself
 * ({@link dev.authbackbone.domain.address.PrimaryUndo}). No ports and no I/O; the address services in
 * {@code application.address} load, decide with these, store and send. Only the decisions look at
 * the caller's own addresses, so no answer says anything about another account's.
 */
package dev.authbackbone.domain.address;
