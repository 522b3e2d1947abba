package dev.authbackbone.domain.port.out;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.address.PrimaryUndo;
import dev.authbackbone.domain.token.TokenHash;
import java.time.Instant;
import java.util.Optional;

/**
 * The undo links of primary changes, by hash. Consumption is atomic: of concurrent consumers of one
 * link, one wins. Every method throws {@link StorageUnavailableException} when the database cannot
 * be reached in time.
 */
public interface PrimaryUndoRepository {

    /** Stores a newly issued undo link. */
    void save(PrimaryUndo undo);

    /** Marks the link with {@code hash} used at {@code now}, if it was usable, and returns it; else empty. */
    Optional<PrimaryUndo> consume(TokenHash hash, Instant now);

    /** Marks every usable link of {@code account} used at {@code now}; returns how many. */
    int revokeAll(AccountId account, Instant now);

    /** Removes a link that was never delivered. */
    void delete(TokenHash hash);

    /** Deletes links that expired or were used before {@code cutoff}; returns how many. */
    int purgeSpentBefore(Instant cutoff);
}
