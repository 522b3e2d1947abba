package dev.authbackbone.adapter.in.http.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.authbackbone.adapter.in.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /health/live} and {@code GET /health/ready}, both answering
 * {@code {"status": "UP"|"DEGRADED"|"DOWN", "components": {"<name>": {"status": ..., ...details}}}}.
 *
 * <p>Live is 200 whenever the process answers: restarting it would not mend a database or an SMTP
 * server, so the components are shown for information only. Ready is 503 ({@code DOWN}) only while
 * an essential component (the database) is down, so that a load balancer stops sending requests
 * that could only fail; while another one (mail) is down it is 200 with {@code DEGRADED}, because
 * every instance shares that SMTP server and taking them all out of rotation would take sign-in
 * verification, {@code /me} and confirmation down with it.
 */
public final class HealthRoutes implements RouteGroup {

    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HealthCheck> checks;

    /** {@code checks} are the components readiness depends on, in the order they are shown. */
    public HealthRoutes(List<HealthCheck> checks) {
        this.checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(LIVE, ctx -> answer(ctx, false));
        routes.head(LIVE, ctx -> answer(ctx, false));
        routes.get(READY, ctx -> answer(ctx, true));
        routes.head(READY, ctx -> answer(ctx, true));
    }

    private void answer(Context ctx, boolean readiness) {
        ObjectNode components = JSON.createObjectNode();
        boolean essentialUp = true;
        boolean allUp = true;
        for (HealthCheck check : checks) {
            HealthCheck.Status status = check.check();
            allUp &= status.up();
            essentialUp &= status.up() || !check.essential();
            ObjectNode component = components.putObject(check.name());
            component.put("status", status.up() ? "UP" : "DOWN");
            status.details().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(detail -> component.put(detail.getKey(), detail.getValue()));
        }
        boolean up = !readiness || essentialUp;
        ObjectNode body = JSON.createObjectNode();
        body.put("status", !up ? "DOWN" : readiness && !allUp ? "DEGRADED" : "UP");
        body.set("components", components);
        ctx.status(up ? 200 : 503);
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("application/json");
        ctx.result(body.toString());
    }
}
