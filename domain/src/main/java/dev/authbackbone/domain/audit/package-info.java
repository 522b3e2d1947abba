/**
 * The audit trail's vocabulary: {@link dev.authbackbone.domain.audit.AuditEvent}, what kinds of
 * security event there are, and {@link dev.authbackbone.domain.audit.RequestOrigin}, where a
 * request came from. Values only; the trail itself is the outgoing port
 * {@code port.out.AuditTrail}. Anything may depend on this package.
 */
package dev.authbackbone.domain.audit;
