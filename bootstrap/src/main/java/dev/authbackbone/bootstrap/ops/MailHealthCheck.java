package dev.authbackbone.bootstrap.ops;

import dev.authbackbone.adapter.in.http.ops.HealthCheck;
import dev.authbackbone.adapter.out.mail.CircuitBreakingMailSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mail is down while its circuit breaker is open (every mail request would be answered 503 at
 * once) or while the last background check of the SMTP server failed. The check runs on its own
 * thread every interval, so the answer is never older than the interval plus one SMTP timeout, with
 * or without request traffic. Mail is not essential: while it is down readiness says DEGRADED and
 * stays 200, since everything that sends no mail still works.
 */
public final class MailHealthCheck implements HealthCheck, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailHealthCheck.class);

    private final CircuitBreakingMailSender breaker;
    private final Supplier<Optional<String>> probe;
    private final Clock clock;
    private final ScheduledExecutorService schedule;
    private volatile Probed last;

    /** The last background check: empty {@code failure} means the server took the session. */
    private record Probed(Optional<String> failure, Instant at) {}

    private MailHealthCheck(CircuitBreakingMailSender breaker, Supplier<Optional<String>> probe, Clock clock) {
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mail-health-probe");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts checking the SMTP server with {@code probe} now and then every {@code interval}.
     *
     * @param probe returns empty when the server takes a session, otherwise why not (nothing secret)
     */
    public static MailHealthCheck start(CircuitBreakingMailSender breaker, Supplier<Optional<String>> probe,
                                        Duration interval, Clock clock) {
        MailHealthCheck check = new MailHealthCheck(breaker, probe, clock);
        check.schedule.scheduleWithFixedDelay(check::probeOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return check;
    }

    private void probeOnce() {
        try {
            Optional<String> failure = probe.get();
            Probed previous = last;
            boolean wasUp = previous == null || previous.failure().isEmpty();
            if (failure.isPresent() && wasUp) {
                LOG.warn("Mail health: the SMTP server does not take a session: {}", failure.get());
            } else if (failure.isEmpty() && !wasUp) {
                LOG.info("Mail health: the SMTP server takes sessions again");
            }
            last = new Probed(failure, clock.instant());
        } catch (RuntimeException e) {
            // The schedule stops for good on an escaping exception; the next check may succeed.
            LOG.warn("Mail health check failed unexpectedly: {}", e.toString());
            last = new Probed(Optional.of("check failed"), clock.instant());
        }
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public boolean essential() {
        return false;
    }

    @Override
    public Status check() {
        CircuitBreakingMailSender.State state = breaker.state();
        Probed probed = last;
        Map<String, String> details = new LinkedHashMap<>();
        details.put("breaker", state.name());
        details.put("probe", probed == null ? "PENDING" : probed.failure().isEmpty() ? "UP" : "DOWN");
        if (probed != null) {
            details.put("checked_at", probed.at().toString());
        }
        boolean probeDown = probed != null && probed.failure().isPresent();
        return new Status(state != CircuitBreakingMailSender.State.OPEN && !probeDown, details);
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
