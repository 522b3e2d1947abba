/**
 * The error dialects: every problem a request can end in, and how each route family words it
 * ({@code /api} as FastAPI does, the bundled pages in HTML, everything else as {@code {code, message}}),
 * including the requests Jetty refuses before a route sees them. Used by the HTTP adapter's root package.
 */
package dev.authbackbone.adapter.in.http.error;
