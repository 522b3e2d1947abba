package dev.authbackbone.domain.port.out;

import java.util.UUID;

/** Source of the randomness behind tokens and ids: a CSPRNG in production, seeded in tests. */
@FunctionalInterface
public interface RandomSource {

    /** Fills {@code bytes} with random bytes. */
    void nextBytes(byte[] bytes);

    /** A random (version 4) UUID drawn from this source. */
    default UUID nextUuid() {
        byte[] bytes = new byte[16];
        nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (bytes[i] & 0xff);
            lsb = (lsb << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }
}
