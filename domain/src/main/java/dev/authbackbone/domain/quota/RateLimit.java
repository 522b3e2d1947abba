package dev.authbackbone.domain.quota;

import java.time.Duration;
import java.util.Objects;

/** At most {@code count} requests in any {@code window}: the {@code 3/15m} of the configuration. */
public record RateLimit(int count, Duration window) {

    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (count < 1) {
            throw new IllegalArgumentException("count: must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window: must be positive");
        }
    }

    @Override
    public String toString() {
        return count + "/" + window;
    }
}
