package dev.authbackbone.adapter.in.http.limit;

import java.time.Duration;
import java.util.Objects;

/**
 * How many mail-sending requests one client address may make per period, and how many client
 * addresses are remembered at once (the least recently seen are forgotten first).
 */
public record ClientIpLimit(int permits, Duration period, int maxTrackedClients) {

    /** Enough distinct addresses for a busy internal service, small enough to stay a few megabytes. */
    public static final int DEFAULT_MAX_TRACKED_CLIENTS = 10_000;

    public ClientIpLimit {
        Objects.requireNonNull(period, "period");
        if (permits < 1) {
            throw new IllegalArgumentException("permits: at least 1");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period: must be positive");
        }
        if (maxTrackedClients < 1) {
            throw new IllegalArgumentException("maxTrackedClients: at least 1");
        }
    }

    /** {@code permits} per {@code period}, remembering {@value #DEFAULT_MAX_TRACKED_CLIENTS} clients. */
    public static ClientIpLimit of(int permits, Duration period) {
        return new ClientIpLimit(permits, period, DEFAULT_MAX_TRACKED_CLIENTS);
    }
}
