/**
 * The email address value object: the one place where an address is trimmed, checked and given
 * its canonical form for comparison. Anything in the system may depend on it.
 */
package dev.authbackbone.domain.email;
