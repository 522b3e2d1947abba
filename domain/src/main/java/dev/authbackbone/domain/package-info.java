/**
 * The core of auth-backbone: the rules for proving control of an email address and linking it
 * to an account, and the ports through which the rest of the system reaches them. Depends on the
 * JDK only (never {@code java.sql}); every other module may depend on it.
 */
package dev.authbackbone.domain;
