/**
 * Operating the server: the Micrometer registry and what feeds it (requests, mails, the breaker,
 * the pool, the audit trail), the security log, and the health checks. The metrics library lives
 * here only; the adapters report through their own small interfaces ({@code HttpMetrics},
 * {@code HealthCheck}, {@code Database.poolUsage}, breaker listeners). Used by the composition root.
 */
package dev.authbackbone.bootstrap.ops;
