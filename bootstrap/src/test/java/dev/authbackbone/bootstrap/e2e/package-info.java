/**
 * End-to-end tests: the real wiring started through the same entry point as the jar, spoken to
 * over real HTTP, with real SMTP (GreenMail on loopback) and a real database. Test scope only.
 */
package dev.authbackbone.bootstrap.e2e;
