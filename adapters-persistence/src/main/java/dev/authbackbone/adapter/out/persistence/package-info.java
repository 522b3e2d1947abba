/**
 * The storage adapter: JDBI repositories implementing the domain's storage ports and
 * {@link dev.authbackbone.domain.port.out.UnitOfWork} over a HikariCP pool, with Flyway migrations
 * that run unchanged on PostgreSQL and on embedded H2 (PostgreSQL mode). A unit of work is JDBI's
 * own thread-scoped handle: {@code Jdbi.inTransaction} binds its handle to the current thread and
 * every {@code Jdbi.withHandle} call a repository makes on that thread joins it, while calls made
 * outside a unit of work get a short-lived handle of their own; so no hand-written
 * {@code ThreadLocal} is needed, provided the unit of work and the repositories share one
 * {@link org.jdbi.v3.core.Jdbi}. Only the composition root ({@code bootstrap}) depends on this
 * package; row records and SQL objects stay package-private.
 */
package dev.authbackbone.adapter.out.persistence;
