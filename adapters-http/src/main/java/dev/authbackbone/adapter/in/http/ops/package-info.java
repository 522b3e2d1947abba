/**
 * The operator's endpoints: health ({@code /health/live}, {@code /health/ready}) and metrics
 * ({@code /metrics}), as route groups that the composition root builds from small interfaces
 * ({@link dev.authbackbone.adapter.in.http.ops.HealthCheck}, a scrape supplier) and hands to
 * {@code HttpServer}, so this adapter knows neither the other adapters nor the metrics library.
 * Only {@code bootstrap} depends on this package.
 */
package dev.authbackbone.adapter.in.http.ops;
