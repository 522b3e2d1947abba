/**
 * Access tokens: issuing and verifying the JWTs that stand for a signed-in account (RS256 with the
 * keys every instance reads from the database, or HS256 with a shared secret in the legacy mode),
 * and the copy of the signing keys whose public halves {@code /.well-known/jwks.json} shows. Used by the HTTP routes, and
 * constructed by the composition root.
 */
package dev.authbackbone.adapter.in.http.token;
