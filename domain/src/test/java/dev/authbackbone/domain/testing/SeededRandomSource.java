package dev.authbackbone.domain.testing;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Deterministic, thread-safe randomness for tests: the same seed gives the same tokens and ids. */
public final class SeededRandomSource implements RandomGenerator {

    private final SplittableRandom random;

    public SeededRandomSource(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public synchronized long nextLong() {
        return random.nextLong();
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }
}
