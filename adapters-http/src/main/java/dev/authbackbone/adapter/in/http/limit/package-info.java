/**
 * The per-client-address rate limit on the routes that send mail: one resilience4j limiter per
 * address in a bounded map. Its settings record is built by the composition root; the limiter is
 * used by the HTTP routes.
 */
package dev.authbackbone.adapter.in.http.limit;
