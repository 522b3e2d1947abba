package dev.authbackbone.domain.port.out;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.address.PrimaryUndo;
import dev.authbackbone.domain.token.TokenHash;
import java.time.Instant;
import java.util.List;
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

    /** The link with {@code hash}, usable or not; empty when there is none. */
    Optional<PrimaryUndo> find(TokenHash hash);

    /** The links of {@code account} still usable at {@code now}, oldest first. */
    List<PrimaryUndo> usableOf(AccountId account, Instant now);

    /** Marks every link of {@code account} issued at or after {@code since} and still usable, used at {@code now}; returns how many. */
    int revokeIssuedSince(AccountId account, Instant since, Instant now);

    /** Removes a link that was never delivered. */
    void delete(TokenHash hash);

    /** Deletes links that expired or were used before {@code cutoff}; returns how many. */
    int purgeSpentBefore(Instant cutoff);
}
