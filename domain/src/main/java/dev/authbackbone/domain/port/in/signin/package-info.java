/**
 * The incoming ports of passwordless sign-in: request a magic link, sign in with its token; each
 * with its command and sealed result. Implemented in {@code application.signin}, called by inbound adapters.
 */
package dev.authbackbone.domain.port.in.signin;
