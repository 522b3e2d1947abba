/**
 * The one vocabulary of why a request was refused or rejected (or done in an unusual way):
 * {@link dev.authbackbone.domain.reason.Reason}. The decisions of the model return it, the services
 * turn it into their results, and the audit trail stores its code. Depends on the JDK only; every
 * other domain package may use it.
 */
package dev.authbackbone.domain.reason;
