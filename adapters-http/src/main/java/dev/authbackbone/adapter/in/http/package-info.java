/**
 * The HTTP adapter: {@link dev.authbackbone.adapter.in.http.HttpServer} and one routes class per
 * resource, each reading a request into a command, calling an incoming port and mapping its sealed
 * result to an answer. JSON records live here, never domain types. Only the composition root
 * ({@code bootstrap}) depends on this package, through {@code HttpServer}, {@code HttpSettings},
 * {@code HttpUseCases} and {@code RouteGroup}.
 */
package dev.authbackbone.adapter.in.http;
