package dev.authbackbone.adapter.in.http.limit;

import dev.authbackbone.adapter.in.http.net.ClientAddressGroup;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One resilience4j {@link RateLimiter} per client address (an IPv6 /64 counting as one, see
 * {@link ClientAddressGroup}), kept in a bounded least-recently-used
 * map so that memory stays bounded however many addresses are seen. An address that is forgotten
 * starts again with a full allowance, which only ever favours a client that has been quiet.
 */
public final class ClientIpRateLimiter {

    private final RateLimiterConfig config;
    private final Supplier<Long> nanoTime;
    private final Map<String, AtomicRateLimiter> limiters;

    /** A limiter on the system's monotonic clock. */
    public ClientIpRateLimiter(ClientIpLimit limit) {
        this(limit, System::nanoTime);
    }

    /** A limiter whose refills follow {@code nanoTime} (tests move it by hand). */
    public ClientIpRateLimiter(ClientIpLimit limit, Supplier<Long> nanoTime) {
        Objects.requireNonNull(limit, "limit");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limit.permits())
                .limitRefreshPeriod(limit.period())
                // Never park a request thread waiting for a permit: answer 429 at once.
                .timeoutDuration(Duration.ZERO)
                .writableStackTraceEnabled(false)
                .build();
        int capacity = limit.maxTrackedClients();
        this.limiters = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, AtomicRateLimiter> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Takes one permit for {@code clientAddress} (the socket's remote address), or says how long
     * to wait for the next one.
     */
    public Optional<Duration> acquire(String clientAddress) {
        // An IPv6 client counts with the rest of its /64, which one host usually holds.
        AtomicRateLimiter limiter = limiterFor(ClientAddressGroup.of(clientAddress));
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        long nanos = limiter.getDetailedMetrics().getNanosToWait();
        return Optional.of(Duration.ofNanos(Math.max(nanos, 1)));
    }

    /** How many client keys are remembered now (for tests and metrics). */
    public int trackedClients() {
        synchronized (limiters) {
            return limiters.size();
        }
    }

    private AtomicRateLimiter limiterFor(String key) {
        synchronized (limiters) {
            return limiters.computeIfAbsent(key, k -> new AtomicRateLimiter("client-ip", config, Map.of(), nanoTime));
        }
    }
}
