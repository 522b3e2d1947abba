package dev.authbackbone.adapter.in.http.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientIpRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void acquire_withinAllowance_admits() {
        ClientIpRateLimiter limiter = new ClientIpRateLimiter(ClientIpLimit.of(3, Duration.ofMinutes(1)), nanos::get);
        assertThat(limiter.acquire("192.0.2.1")).isEmpty();
        assertThat(limiter.acquire("192.0.2.1")).isEmpty();
        assertThat(limiter.acquire("192.0.2.1")).isEmpty();
    }

    @Test
    void acquire_beyondAllowance_refusesWithTheWaitUntilTheNextPeriod() {
        ClientIpRateLimiter limiter = new ClientIpRateLimiter(ClientIpLimit.of(2, Duration.ofMinutes(1)), nanos::get);
        limiter.acquire("192.0.2.1");
        limiter.acquire("192.0.2.1");

        nanos.addAndGet(Duration.ofSeconds(20).toNanos());

        assertThat(limiter.acquire("192.0.2.1")).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60)));
    }

    @Test
    void acquire_afterThePeriod_admitsAgain() {
        ClientIpRateLimiter limiter = new ClientIpRateLimiter(ClientIpLimit.of(1, Duration.ofMinutes(1)), nanos::get);
        limiter.acquire("192.0.2.1");
        assertThat(limiter.acquire("192.0.2.1")).isPresent();

        nanos.addAndGet(Duration.ofSeconds(61).toNanos());

        assertThat(limiter.acquire("192.0.2.1")).isEmpty();
    }

    @Test
    void acquire_otherClient_hasItsOwnAllowance() {
        ClientIpRateLimiter limiter = new ClientIpRateLimiter(ClientIpLimit.of(1, Duration.ofMinutes(1)), nanos::get);
        limiter.acquire("192.0.2.1");
        assertThat(limiter.acquire("192.0.2.2")).isEmpty();
        assertThat(limiter.acquire("192.0.2.1")).isPresent();
    }

    @Test
    void acquire_manyClients_remembersOnlyTheBoundedNumber() {
        ClientIpRateLimiter limiter = new ClientIpRateLimiter(new ClientIpLimit(1, Duration.ofMinutes(1), 100), nanos::get);
        for (int i = 0; i < 5_000; i++) {
            limiter.acquire("10.0." + (i / 256) + "." + (i % 256));
        }
        assertThat(limiter.trackedClients()).isEqualTo(100);
    }

    @Test
    void acquire_recentlySeenClient_isKeptWhileOthersAreEvicted() {
        ClientIpRateLimiter limiter = new ClientIpRateLimiter(new ClientIpLimit(1, Duration.ofMinutes(1), 2), nanos::get);
        limiter.acquire("192.0.2.1");
        limiter.acquire("192.0.2.2");
        limiter.acquire("192.0.2.1");
        limiter.acquire("192.0.2.3");

        assertThat(limiter.acquire("192.0.2.1")).as("still remembered, so still limited").isPresent();
    }

    @Test
    void acquire_ipv6AddressesOfOneSlash64_shareAnAllowance() {
        ClientIpRateLimiter limiter = new ClientIpRateLimiter(ClientIpLimit.of(1, Duration.ofMinutes(1)), nanos::get);
        limiter.acquire("2001:db8:1:2:aaaa::1");

        assertThat(limiter.acquire("[2001:db8:1:2:ffff:ffff:ffff:ffff]")).as("same /64").isPresent();
        assertThat(limiter.acquire("2001:db8:1:3::1")).as("the next /64").isEmpty();
        assertThat(limiter.trackedClients()).isEqualTo(2);
    }

    @Test
    void limit_nonsensicalSettings_areRefused() {
        assertThatThrownBy(() -> ClientIpLimit.of(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientIpLimit.of(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientIpLimit(1, Duration.ofMinutes(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
