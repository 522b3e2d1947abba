package dev.authbackbone.adapter.in.http.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.authbackbone.adapter.in.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code GET /health/live} and {@code GET /health/ready}, both answering
 * {@code {"status": "UP"|"DEGRADED"|"DOWN", "components": {"<name>": {"status": ..., ...details}}}}.
 *
 * <p>Live is 200 whenever the process answers: restarting it would not mend a database or an SMTP
 * server, so the components are shown for information only. Ready is 503 ({@code DOWN}) only while
 * an essential component (the database) is down, so that a load balancer stops sending requests
 * that could only fail; while another one (mail) is down it is 200 with {@code DEGRADED}, because
 * every instance shares that SMTP server and taking them all out of rotation would take sign-in
 * verification, {@code /me} and confirmation down with it; its 503 carries {@code Retry-After}.
 *
 * <p>Ready checks every component on each call. Live never waits for one: it shows what the last
 * check found, and has a check older than {@value #LIVE_MAX_AGE_SECONDS} s run again in the background
 * (one at a time per component), so that a database that does not answer cannot make a liveness
 * probe time out and have a healthy process restarted.
 */
public final class HealthRoutes implements RouteGroup {

    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";

    static final long LIVE_MAX_AGE_SECONDS = 5;
    /** As the database's own 503s: a pool that lost its database retries about that often. */
    private static final String READY_RETRY_AFTER_SECONDS = "5";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Probe> probes;
    private final Executor background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "health-recheck");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code checks} are the components readiness depends on, in the order they are shown. */
    public HealthRoutes(List<HealthCheck> checks) {
        this.probes = Objects.requireNonNull(checks, "checks").stream().map(Probe::new).toList();
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
        for (Probe probe : probes) {
            HealthCheck.Status status = readiness ? probe.checkNow() : probe.lastKnown(background);
            allUp &= status.up();
            essentialUp &= status.up() || !probe.check.essential();
            ObjectNode component = components.putObject(probe.check.name());
            component.put("status", status.up() ? "UP" : "DOWN");
            status.details().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(detail -> component.put(detail.getKey(), detail.getValue()));
        }
        boolean up = !readiness || essentialUp;
        ObjectNode body = JSON.createObjectNode();
        body.put("status", !up ? "DOWN" : readiness && !allUp ? "DEGRADED" : "UP");
        body.set("components", components);
        ctx.status(up ? 200 : 503);
        if (!up) {
            ctx.header("Retry-After", READY_RETRY_AFTER_SECONDS);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("application/json");
        ctx.result(body.toString());
    }

    /** A component's check with what it last found. */
    private static final class Probe {

        private final HealthCheck check;
        private final AtomicReference<Reading> last = new AtomicReference<>();
        private final AtomicBoolean rechecking = new AtomicBoolean();

        Probe(HealthCheck check) {
            this.check = Objects.requireNonNull(check, "check");
        }

        HealthCheck.Status checkNow() {
            HealthCheck.Status status = check.check();
            last.set(new Reading(status, System.nanoTime()));
            return status;
        }

        /** The last finding, checked again in the background when it is old; only the very first call waits. */
        HealthCheck.Status lastKnown(Executor background) {
            Reading reading = last.get();
            if (reading == null) {
                return checkNow();
            }
            if (System.nanoTime() - reading.atNanos() > TimeUnit.SECONDS.toNanos(LIVE_MAX_AGE_SECONDS)
                    && rechecking.compareAndSet(false, true)) {
                background.execute(() -> {
                    try {
                        checkNow();
                    } finally {
                        rechecking.set(false);
                    }
                });
            }
            return reading.status();
        }
    }

    private record Reading(HealthCheck.Status status, long atNanos) {
    }
}
