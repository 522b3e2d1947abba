package dev.authbackbone.adapter.in.http.limit;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One resilience4j {@link RateLimiter} per client address, kept in a bounded least-recently-used
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
        AtomicRateLimiter limiter = limiterFor(key(clientAddress));
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

    /**
     * IPv4 addresses count one by one; IPv6 addresses by their /64 prefix, since one host
     * usually holds a whole /64 and could otherwise use a fresh address for every request.
     */
    static String key(String clientAddress) {
        if (clientAddress == null || clientAddress.isEmpty()) {
            return "unknown";
        }
        if (clientAddress.indexOf(':') < 0) {
            return clientAddress;
        }
        String literal = clientAddress.startsWith("[") && clientAddress.endsWith("]")
                ? clientAddress.substring(1, clientAddress.length() - 1)
                : clientAddress;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        try {
            // A literal with a colon is parsed, never looked up in DNS.
            InetAddress address = InetAddress.getByName(literal);
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                StringBuilder prefix = new StringBuilder("v6:");
                for (int i = 0; i < 8; i++) {
                    prefix.append(String.format("%02x", bytes[i] & 0xff));
                }
                return prefix.toString();
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return clientAddress;
        }
    }
}
