/**
 * The incoming ports of passwordless sign-in: request a magic link, sign in with its token or with
 * the code its mail carries; each with its command and sealed result. Implemented in {@code application.signin}, called by inbound adapters.
 */
package dev.authbackbone.domain.port.in.signin;
