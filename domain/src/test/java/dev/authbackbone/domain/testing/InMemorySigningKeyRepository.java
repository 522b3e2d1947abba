package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.port.out.SigningKeyRepository;
import dev.authbackbone.domain.signing.SigningKey;
import dev.authbackbone.domain.signing.SigningKeyRing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The keys as a list; one lock makes the conditional add atomic, as the database's unique key does. */
public final class InMemorySigningKeyRepository implements SigningKeyRepository {

    private final List<SigningKey> keys = new ArrayList<>();

    @Override
    public synchronized SigningKeyRing all() {
        return new SigningKeyRing(List.copyOf(keys));
    }

    @Override
    public synchronized boolean addIfNextGeneration(SigningKey next) {
        if (keys.stream().anyMatch(k -> k.generation() == next.generation() || k.kid().equals(next.kid()))) {
            return false;
        }
        keys.replaceAll(k -> k.retiredAt().isEmpty() && k.generation() < next.generation()
                ? new SigningKey(k.kid(), k.generation(), k.algorithm(), k.privateKey(), k.publicKey(), k.createdAt(),
                        Optional.of(next.createdAt()))
                : k);
        keys.add(next);
        return true;
    }

    @Override
    public synchronized int deleteRetiredBefore(Instant cutoff) {
        int before = keys.size();
        keys.removeIf(k -> k.retiredAt().map(r -> r.isBefore(cutoff)).orElse(false));
        return before - keys.size();
    }
}
