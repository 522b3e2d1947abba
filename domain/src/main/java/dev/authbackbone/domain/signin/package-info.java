/**
 * Passwordless sign-in, as pure decisions over loaded state: whether a magic-link request mails a
 * link, a notice or nothing ({@link dev.authbackbone.domain.signin.SignInRequest}), and what
 * presenting a magic-link token comes to ({@link dev.authbackbone.domain.signin.SignInRedemption}).
 * No ports and no I/O; the sign-in services in {@code application} use them.
 */
package dev.authbackbone.domain.signin;
