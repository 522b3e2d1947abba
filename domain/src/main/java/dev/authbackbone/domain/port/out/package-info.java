/**
 * Outgoing ports: what the core needs from the world (storage, mail, transactions). Time and randomness come in as the JDK's own
 * {@link java.time.Clock} and {@link java.util.random.RandomGenerator}.
 * Implemented by the adapters, called by the application services. Declared failures are
 * unchecked exceptions of this package; no library type crosses a port.
 */
package dev.authbackbone.domain.port.out;
