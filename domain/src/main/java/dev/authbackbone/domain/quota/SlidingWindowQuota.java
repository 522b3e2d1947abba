package dev.authbackbone.domain.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A sliding-window quota: a request at {@code now} is allowed when fewer than {@code limit.count()}
 * earlier accepted requests fall in {@code (now - window, now]}. Only accepted requests are
 * counted, so a refused one (429, 503) never uses the quota up.
 */
public final class SlidingWindowQuota {

    private final RateLimit limit;

    public SlidingWindowQuota(RateLimit limit) {
        this.limit = limit;
    }

    /** The earliest instant whose accepted requests still count at {@code now}. */
    public Instant windowStart(Instant now) {
        return now.minus(limit.window());
    }

    /** Decides on one more request, given the instants of accepted requests since {@link #windowStart}. */
    public QuotaDecision decide(Collection<Instant> accepted, Instant now) {
        Instant start = windowStart(now);
        List<Instant> inWindow = accepted.stream().filter(start::isBefore).sorted().toList();
        if (inWindow.size() < limit.count()) {
            return new QuotaDecision.Allowed();
        }
        // The next request fits once the oldest request that keeps the count at the limit leaves.
        Instant freesAt = inWindow.get(inWindow.size() - limit.count()).plus(limit.window());
        return new QuotaDecision.Exhausted(roundUpToSeconds(Duration.between(now, freesAt)));
    }

    public RateLimit limit() {
        return limit;
    }

    private static Duration roundUpToSeconds(Duration d) {
        long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
