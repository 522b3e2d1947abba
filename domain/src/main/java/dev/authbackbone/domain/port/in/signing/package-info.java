/**
 * The signing-key feature's incoming ports: reading the keys that sign and verify access tokens,
 * and rotating them (operator command or schedule). Implemented in {@code application.signing};
 * used by the HTTP adapter's key cache and by the composition root.
 */
package dev.authbackbone.domain.port.in.signing;
