package dev.authbackbone.adapter.in.http.ops;

import dev.authbackbone.adapter.in.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.function.Supplier;

/** {@code GET /metrics}: whatever the composition root's registry scrapes, in the Prometheus text format. */
public final class MetricsRoutes implements RouteGroup {

    public static final String PATH = "/metrics";
    /** The Prometheus text exposition format, version 0.0.4. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;

    /** {@code scrape} renders every metric in the Prometheus text format. */
    public MetricsRoutes(Supplier<String> scrape) {
        this.scrape = Objects.requireNonNull(scrape, "scrape");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::metrics);
        routes.head(PATH, this::metrics);
    }

    private void metrics(Context ctx) {
        ctx.status(200);
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(CONTENT_TYPE);
        ctx.result(scrape.get());
    }
}
