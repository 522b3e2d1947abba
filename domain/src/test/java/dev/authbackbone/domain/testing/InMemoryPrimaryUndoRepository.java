package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.address.PrimaryUndo;
import dev.authbackbone.domain.port.out.PrimaryUndoRepository;
import dev.authbackbone.domain.token.TokenHash;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Undo links in a map, consumed under the fake's lock. */
public final class InMemoryPrimaryUndoRepository implements PrimaryUndoRepository {

    private final Map<TokenHash, PrimaryUndo> links = new LinkedHashMap<>();

    @Override
    public synchronized void save(PrimaryUndo undo) {
        if (links.putIfAbsent(undo.hash(), undo) != null) {
            throw new IllegalStateException("an undo link with this hash exists");
        }
    }

    @Override
    public synchronized Optional<PrimaryUndo> consume(TokenHash hash, Instant now) {
        PrimaryUndo undo = links.get(hash);
        if (undo == null || !undo.isUsableAt(now)) {
            return Optional.empty();
        }
        PrimaryUndo used = used(undo, now);
        links.put(hash, used);
        return Optional.of(used);
    }

    @Override
    public synchronized Optional<PrimaryUndo> find(TokenHash hash) {
        return Optional.ofNullable(links.get(hash));
    }

    @Override
    public synchronized List<PrimaryUndo> usableOf(AccountId account, Instant now) {
        return links.values().stream().filter(u -> u.account().equals(account) && u.isUsableAt(now))
                .sorted(Comparator.comparing(PrimaryUndo::issuedAt)).toList();
    }

    @Override
    public synchronized int revokeIssuedSince(AccountId account, Instant since, Instant now) {
        int revoked = 0;
        for (Map.Entry<TokenHash, PrimaryUndo> link : links.entrySet()) {
            if (link.getValue().account().equals(account) && link.getValue().consumedAt().isEmpty()
                    && !link.getValue().issuedAt().isBefore(since)) {
                link.setValue(used(link.getValue(), now));
                revoked++;
            }
        }
        return revoked;
    }

    private static PrimaryUndo used(PrimaryUndo undo, Instant now) {
        return PrimaryUndo.restore(undo.hash(), undo.account(), undo.previous(), undo.previousVerifiedAt(),
                undo.issuedAt(), undo.expiresAt(), Optional.of(now));
    }

    @Override
    public synchronized void delete(TokenHash hash) {
        links.remove(hash);
    }

    @Override
    public synchronized int purgeSpentBefore(Instant cutoff) {
        int before = links.size();
        links.values().removeIf(u -> !u.expiresAt().isAfter(cutoff) || u.consumedAt().map(c -> c.isBefore(cutoff)).orElse(false));
        return before - links.size();
    }
}
