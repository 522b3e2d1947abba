/**
 * Access-token signing keys: generating RS256 key pairs, rotating them across instances, and reading
 * the keys every instance signs and verifies with. Depends on the domain only; the composition root
 * wires it.
 */
package dev.authbackbone.application.signing;
