package dev.authbackbone.domain.port.out;

/** Source of the randomness behind tokens and ids: a CSPRNG in production, seeded in tests. */
@FunctionalInterface
public interface RandomSource {

    /** Fills {@code bytes} with random bytes. */
    void nextBytes(byte[] bytes);
}
