/**
 * Outgoing ports: what the core needs from the world (storage, mail, transactions, randomness).
 * Implemented by the adapters, called by the application services. Declared failures are
 * unchecked exceptions of this package; no library type crosses a port.
 */
package dev.authbackbone.domain.port.out;
