package dev.authbackbone.domain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it, or moves by a step on every read ({@link #tickOnEveryRead}). */
public final class MutableClock extends Clock {

    private volatile Instant now;
    private volatile Duration tick = Duration.ZERO;

    public MutableClock(Instant start) {
        this.now = start;
    }

    public static MutableClock at(String isoInstant) {
        return new MutableClock(Instant.parse(isoInstant));
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }

    /** From now on, every read returns the time and then moves it on by {@code step}: a host where every step takes that long. */
    public MutableClock tickOnEveryRead(Duration step) {
        tick = step;
        return this;
    }

    @Override
    public synchronized Instant instant() {
        Instant read = now;
        now = read.plus(tick);
        return read;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
