package dev.authbackbone.adapter.out.mail;

import dev.authbackbone.domain.mail.Mail;
import dev.authbackbone.domain.port.out.MailSender;
import dev.authbackbone.domain.port.out.MailUnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a resilience4j circuit breaker in front of another {@link MailSender}. A
 * {@link MailUnavailableException} counts as a failure when the transport failed; one mail the
 * server refused for now (its cause a {@link RecipientDeferredException}) and every normal return
 * (including a recipient refused for good) count as successes, since the server answered. While the
 * breaker is open, sends fail at once with the time left until it lets a probe through.
 *
 * <p>resilience4j re-evaluates the failure rate after every recorded call, successes included; with
 * a threshold below 100 % a success arriving in a window full of failures would open it. The
 * settings therefore say how many transport failures in a row open it (see {@link BreakerSettings}).
 */
public final class CircuitBreakingMailSender implements MailSender {

    /** The breaker's state as a readiness check needs it. */
    public enum State {
        /** Sends go through. */
        CLOSED,
        /** Sends are rejected without touching the transport. */
        OPEN,
        /** The wait is over: the next sends are probes that decide whether it closes again. */
        HALF_OPEN
    }

    private static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreakingMailSender.class);

    private final MailSender delegate;
    private final Duration waitInOpenState;
    private final Clock clock;
    private final CircuitBreaker breaker;
    private final List<BiConsumer<State, State>> transitionListeners = new CopyOnWriteArrayList<>();
    private volatile Instant openUntil = Instant.EPOCH;

    /**
     * @param delegate the sender to guard, in production a {@link SimpleJavaMailSender}
     * @param settings when to open and for how long
     */
    public CircuitBreakingMailSender(MailSender delegate, BreakerSettings settings) {
        this(delegate, settings, Clock.systemUTC());
    }

    /** As above, with the clock that times the open state (a test clock in tests). */
    public CircuitBreakingMailSender(MailSender delegate, BreakerSettings settings, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.waitInOpenState = settings.waitInOpenState();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpenState())
                // No scheduler thread: the first send after the wait moves it to half-open.
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build();
        this.breaker = CircuitBreaker.of("smtp", config);
        breaker.getEventPublisher().onStateTransition(event -> {
            CircuitBreaker.State to = event.getStateTransition().getToState();
            if (to == CircuitBreaker.State.OPEN) {
                // resilience4j keeps its own deadline private; this is the same one, from the same clock.
                openUntil = clock.instant().plus(waitInOpenState);
                LOG.warn("Mail circuit breaker opened: mails fail at once for the next {} ms", waitInOpenState.toMillis());
            } else {
                LOG.info("Mail circuit breaker is now {}", to);
            }
            State from = simple(event.getStateTransition().getFromState());
            transitionListeners.forEach(listener -> listener.accept(from, simple(to)));
        });
    }

    /**
     * Calls {@code listener} with the old and the new state on every transition the breaker makes
     * (on the thread of the send that caused it), so that metrics need no resilience4j type.
     */
    public void onTransition(BiConsumer<State, State> listener) {
        transitionListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void send(Mail mail) {
        if (!breaker.tryAcquirePermission()) {
            throw new MailUnavailableException("Mail transport unavailable: the circuit breaker is open",
                    retryAfter(), null);
        }
        long start = breaker.getCurrentTimestamp();
        try {
            delegate.send(mail);
        } catch (MailUnavailableException e) {
            if (e.getCause() instanceof RecipientDeferredException) {
                breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
                throw e;
            }
            if (e.getCause() instanceof WaitedForAConnectionException || e.getCause() instanceof SenderRejectedException) {
                // It never really met the server, or SPEC does not count the server's answer (a 5xx to
                // MAIL FROM): neither a success nor a failure of it.
                breaker.releasePermission();
                throw e;
            }
            breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), e);
            if (breaker.getState() == CircuitBreaker.State.OPEN) {
                throw new MailUnavailableException(e.getMessage(), retryAfter(), e);
            }
            throw e;
        } catch (RuntimeException | Error e) {
            // Not a transport failure (a bug, a bad argument): neither success nor failure.
            breaker.releasePermission();
            throw e;
        }
        breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
    }

    /** Whether sends are being rejected right now; false once the wait is over and probes may go. */
    public boolean isOpen() {
        return state() == State.OPEN;
    }

    /** The breaker's state, with an open breaker whose wait is over reported as {@link State#HALF_OPEN}. */
    public State state() {
        // resilience4j lets the first call through once its clock is strictly past the deadline.
        if (breaker.getState() == CircuitBreaker.State.OPEN) {
            return clock.instant().isAfter(openUntil) ? State.HALF_OPEN : State.OPEN;
        }
        return simple(breaker.getState());
    }

    private static State simple(CircuitBreaker.State state) {
        return switch (state) {
            case OPEN, FORCED_OPEN -> State.OPEN;
            case HALF_OPEN -> State.HALF_OPEN;
            case CLOSED, DISABLED, METRICS_ONLY -> State.CLOSED;
        };
    }

    private Duration retryAfter() {
        Duration remaining = switch (breaker.getState()) {
            case OPEN -> remainingOpen();
            case FORCED_OPEN -> waitInOpenState;
            // Half-open with every probe slot taken: the probes will be done soon.
            default -> Duration.ZERO;
        };
        return roundUpToSeconds(remaining.compareTo(MIN_RETRY_AFTER) < 0 ? MIN_RETRY_AFTER : remaining);
    }

    private Duration remainingOpen() {
        Duration remaining = Duration.between(clock.instant(), openUntil);
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    /** Retry-After is whole seconds; rounding down would invite a client back too early. */
    private static Duration roundUpToSeconds(Duration d) {
        long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(seconds);
    }

    /** The breaker itself, for tests that look at its counters. */
    CircuitBreaker circuitBreaker() {
        return breaker;
    }
}
