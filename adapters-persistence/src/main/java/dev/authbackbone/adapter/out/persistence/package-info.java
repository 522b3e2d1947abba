/**
 * The storage adapter: JDBI repositories implementing the domain's storage ports and
 * {@link dev.authbackbone.domain.port.out.UnitOfWork} over a HikariCP pool, with Flyway migrations
 * that run unchanged on PostgreSQL and on embedded H2 (PostgreSQL mode). A unit of work is JDBI's
 * own thread-scoped handle: {@code Jdbi.inTransaction} binds its handle to the current thread and
 * every {@code Jdbi.withHandle} call a repository makes on that thread joins it, while calls made
 * outside a unit of work get a short-lived handle of their own; so no hand-written
 * {@code ThreadLocal} is needed, provided the unit of work and the repositories share one
 * {@link org.jdbi.v3.core.Jdbi}. Each {@code Jdbi*} class holds all the SQL of its tables: the
 * fluent Handle API for the statements every request runs and the compare-and-set consume, a nested
 * SqlObject {@code Statements} for the rest, and one row record mapping to the domain's
 * {@code restore}. {@link dev.authbackbone.adapter.out.persistence.Database} opens the store from
 * parts named for their jobs: {@code DatabaseUrl} (what a URL means, the H2 settings it needs),
 * {@code ConnectionPool}, {@code Migrations}, {@code Failures} (outage or fault),
 * {@code EmbeddedCredentials} and {@code OwnerOnlyFiles} (who may open an embedded file). Only the
 * composition root ({@code bootstrap}) depends on this package; row records and SQL objects stay
 * package-private.
 */
package dev.authbackbone.adapter.out.persistence;
