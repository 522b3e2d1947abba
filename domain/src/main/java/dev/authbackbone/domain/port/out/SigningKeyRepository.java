package dev.authbackbone.domain.port.out;

import dev.authbackbone.domain.signing.SigningKey;
import dev.authbackbone.domain.signing.SigningKeyRing;
import java.time.Instant;

/** Where the access-token signing keys are kept, shared by every instance on the database. */
public interface SigningKeyRepository {

    /** Every stored key. */
    SigningKeyRing all();

    /**
     * Adds {@code next} as the signing key and retires every older key at {@code next.createdAt()},
     * in one atomic step, if and only if no key of {@code next.generation()} exists yet. When several
     * instances rotate at once exactly one of them gets {@code true}; the others change nothing.
     *
     * @throws StorageUnavailableException when the database is out of reach
     */
    boolean addIfNextGeneration(SigningKey next);

    /** Deletes the keys retired before {@code cutoff}; returns how many. */
    int deleteRetiredBefore(Instant cutoff);
}
