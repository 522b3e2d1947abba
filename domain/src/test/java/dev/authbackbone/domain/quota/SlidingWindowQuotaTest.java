package dev.authbackbone.domain.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlidingWindowQuotaTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:00Z");
    private final SlidingWindowQuota quota = new SlidingWindowQuota(new RateLimit(3, Duration.ofMinutes(15)));

    @Test
    void decide_fewerThanLimitInWindow_allows() {
        assertThat(quota.decide(List.of(), NOW)).isInstanceOf(QuotaDecision.Allowed.class);
        assertThat(quota.decide(List.of(NOW.minusSeconds(10), NOW.minusSeconds(5)), NOW)).isInstanceOf(QuotaDecision.Allowed.class);
    }

    @Test
    void decide_limitReached_waitsUntilTheOldestCountedLeaves() {
        List<Instant> accepted = List.of(NOW.minusSeconds(600), NOW.minusSeconds(60), NOW.minusSeconds(30));

        assertThat(quota.decide(accepted, NOW)).isEqualTo(new QuotaDecision.Exhausted(Duration.ofSeconds(300)));
    }

    @Test
    void decide_requestsAtOrBeforeTheWindowStart_doNotCount() {
        List<Instant> accepted = List.of(NOW.minus(Duration.ofMinutes(15)), NOW.minusSeconds(60), NOW.minusSeconds(30));

        assertThat(quota.decide(accepted, NOW)).isInstanceOf(QuotaDecision.Allowed.class);
    }

    @Test
    void decide_retryAfterIsRoundedUpToAtLeastOneSecond() {
        Instant justInside = NOW.minus(Duration.ofMinutes(15)).plusMillis(1);
        List<Instant> accepted = List.of(justInside, NOW, NOW);

        assertThat(quota.decide(accepted, NOW)).isEqualTo(new QuotaDecision.Exhausted(Duration.ofSeconds(1)));
    }

    @Test
    void rateLimit_rejectsNonsense() {
        assertThatThrownBy(() -> new RateLimit(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
