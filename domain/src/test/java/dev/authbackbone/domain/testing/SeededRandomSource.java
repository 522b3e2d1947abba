package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.port.out.RandomSource;
import java.util.SplittableRandom;

/** Deterministic randomness for tests: the same seed gives the same tokens and ids. */
public final class SeededRandomSource implements RandomSource {

    private final SplittableRandom random;

    public SeededRandomSource(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public synchronized void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }
}
