package dev.authbackbone.bootstrap.ops;

import dev.authbackbone.adapter.in.http.HttpMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code http_server_requests_seconds} (a histogram by method, route template, status and outcome)
 * and the per-IP share of {@code auth_rate_limit_rejections_total}.
 */
final class MicrometerHttpMetrics implements HttpMetrics {

    /**
     * Fixed buckets rather than Micrometer's percentile histogram: a dozen series per route and
     * status instead of some seventy, and the ones an auth service's latency is judged by.
     */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;

    MicrometerHttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void requestHandled(String method, String route, int status, long nanos) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by method, route template and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .tag("outcome", outcome(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void clientIpLimited() {
        Metrics.rateLimitRejections(registry, "per_ip").increment();
    }

    @Override
    public void tokenIpLimited() {
        Metrics.rateLimitRejections(registry, "per_ip_token").increment();
    }

    @Override
    public void tokenMalformed(String purpose) {
        // The counter the audit trail feeds for other refusals, so one query sees every refused token.
        Counter.builder("auth.tokens.rejected").tag("purpose", purpose).tag("reason", "malformed")
                .description("Link tokens refused, by purpose and reason").register(registry).increment();
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "server_error";
        }
        if (status >= 400) {
            return "client_error";
        }
        return status >= 300 ? "redirection" : "success";
    }
}
