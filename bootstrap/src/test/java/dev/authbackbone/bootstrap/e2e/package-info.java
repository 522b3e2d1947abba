/**
 * End-to-end tests: the real wiring started through the same entry point as the jar, spoken to
 * over real HTTP, with real SMTP (GreenMail on loopback) and a real database: every class runs on
 * H2 and, when {@code AUTH_TEST_POSTGRES_URL} is set, on PostgreSQL ({@link
 * dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase}), some with several instances on one database.
 * Test scope only.
 */
package dev.authbackbone.bootstrap.e2e;
