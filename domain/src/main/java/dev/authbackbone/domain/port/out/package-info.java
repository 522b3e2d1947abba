/**
 * Outgoing ports: what the core needs from the world (storage, mail, transactions). Time and randomness come in as the JDK's own
 * {@link java.time.Clock} and {@link java.util.random.RandomGenerator}.
 * Implemented by the adapters, called by the application services. Declared failures are
 * unchecked exceptions of this package; no library type crosses a port. Every storage port
 * ({@link dev.authbackbone.domain.port.out.UnitOfWork} and the repositories) may throw
 * {@link dev.authbackbone.domain.port.out.StorageUnavailableException} from any method when the
 * database cannot be reached in time; services let it pass, and the inbound adapters answer it.
 */
package dev.authbackbone.domain.port.out;
