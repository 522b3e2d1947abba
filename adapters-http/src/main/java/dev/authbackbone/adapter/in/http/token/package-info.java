/**
 * Access tokens: issuing and verifying the HS256 JWTs that stand for a signed-in account. Used by
 * the HTTP routes, and constructed by the composition root with the configured secret.
 */
package dev.authbackbone.adapter.in.http.token;
