/**
 * The test harness that runs a test class on every database ({@link
 * dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase}): H2 always, PostgreSQL when
 * {@code AUTH_TEST_POSTGRES_URL} is set, each test class on a fresh database of its own. Shipped in
 * this module's test-jar, used by its own tests and by the end-to-end tests in {@code bootstrap}.
 */
package dev.authbackbone.adapter.out.persistence.testing;
