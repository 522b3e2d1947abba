package dev.authbackbone.bootstrap.ops;

import dev.authbackbone.adapter.in.http.ops.HealthCheck;
import dev.authbackbone.adapter.out.mail.CircuitBreakingMailSender;
import java.util.Map;

/**
 * Mail is down while its circuit breaker is open, that is while every mail request would be
 * answered 503 at once. Half-open (the wait is over, probes may go) counts as up: a probe needs
 * traffic to happen.
 */
public final class MailHealthCheck implements HealthCheck {

    private final CircuitBreakingMailSender breaker;

    public MailHealthCheck(CircuitBreakingMailSender breaker) {
        this.breaker = breaker;
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public Status check() {
        CircuitBreakingMailSender.State state = breaker.state();
        return new Status(state != CircuitBreakingMailSender.State.OPEN, Map.of("breaker", state.name()));
    }
}
