package dev.authbackbone.domain.quota;

import java.time.Duration;

/** Whether one more request fits in a quota, and if not, how long until it would. */
public sealed interface QuotaDecision {

    /** One more request fits. */
    record Allowed() implements QuotaDecision {}

    /** The quota is used up; {@code retryAfter} is at least one second. */
    record Exhausted(Duration retryAfter) implements QuotaDecision {}
}
