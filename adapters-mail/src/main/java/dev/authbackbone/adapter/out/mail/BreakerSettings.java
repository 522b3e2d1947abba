package dev.authbackbone.adapter.out.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * How the circuit breaker in front of SMTP opens and recovers.
 *
 * @param failureRateThreshold          the failure rate, in percent, at which the breaker opens; below
 *                                      100 a success can open it (resilience4j evaluates after every
 *                                      call), so the server uses {@link #failuresInARow}
 * @param slidingWindowSize             how many recent sends the rate is computed over
 * @param minimumNumberOfCalls          how many sends must have been seen before the rate counts
 * @param waitInOpenState               how long the breaker rejects sends once open
 * @param permittedCallsInHalfOpenState how many probe sends decide, after the wait, whether it closes again
 */
public record BreakerSettings(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
                              Duration waitInOpenState, int permittedCallsInHalfOpenState) {

    /** Probes after the wait, unless told otherwise: few enough that a dead server is found out quickly. */
    public static final int DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN_STATE = 3;

    public BreakerSettings {
        if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
            throw new IllegalArgumentException("failureRateThreshold must be above 0 and at most 100 (percent), was " + failureRateThreshold);
        }
        if (slidingWindowSize < 1) {
            throw new IllegalArgumentException("slidingWindowSize must be at least 1, was " + slidingWindowSize);
        }
        if (minimumNumberOfCalls < 1 || minimumNumberOfCalls > slidingWindowSize) {
            throw new IllegalArgumentException("minimumNumberOfCalls must be between 1 and slidingWindowSize ("
                    + slidingWindowSize + "), was " + minimumNumberOfCalls);
        }
        Objects.requireNonNull(waitInOpenState, "waitInOpenState");
        if (waitInOpenState.isNegative() || waitInOpenState.isZero()) {
            throw new IllegalArgumentException("waitInOpenState must be positive, was " + waitInOpenState);
        }
        if (permittedCallsInHalfOpenState < 1) {
            throw new IllegalArgumentException("permittedCallsInHalfOpenState must be at least 1, was " + permittedCallsInHalfOpenState);
        }
    }

    /** Settings with {@value #DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN_STATE} probes after the wait. */
    public BreakerSettings(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
                           Duration waitInOpenState) {
        this(failureRateThreshold, slidingWindowSize, minimumNumberOfCalls, waitInOpenState,
                DEFAULT_PERMITTED_CALLS_IN_HALF_OPEN_STATE);
    }

    /** Transport failures in a row that open the breaker by default. */
    public static final int DEFAULT_FAILURES_IN_A_ROW = 5;

    /**
     * Opens once the last {@code failures} sends all failed, and rejects sends for {@code wait}: a
     * window of only failures is the one rate a success can never reach, so a success never opens it.
     */
    public static BreakerSettings failuresInARow(int failures, Duration wait) {
        return new BreakerSettings(100f, failures, failures, wait);
    }

    /** Opens after {@value #DEFAULT_FAILURES_IN_A_ROW} transport failures in a row, and stays open for 30 s. */
    public static BreakerSettings defaults() {
        return failuresInARow(DEFAULT_FAILURES_IN_A_ROW, Duration.ofSeconds(30));
    }
}
