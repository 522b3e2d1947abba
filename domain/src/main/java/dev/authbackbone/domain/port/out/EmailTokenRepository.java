package dev.authbackbone.domain.port.out;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.TokenHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Issued tokens, by hash. Consumption is atomic: of concurrent consumers of one token, one wins.
 * Every method throws {@link StorageUnavailableException} when the database cannot be reached in time.
 */
public interface EmailTokenRepository {

    /** Stores a newly issued token. */
    void save(EmailToken token);

    /**
     * Marks the token with {@code hash} and {@code purpose} used at {@code now}, if it was usable,
     * and returns it; empty when it is unknown, expired, used or for another purpose.
     */
    Optional<EmailToken> consume(TokenHash hash, EmailPurpose purpose, Instant now);

    /** The token with {@code hash} as stored, used or not; empty when unknown (or purged). */
    Optional<EmailToken> find(TokenHash hash);

    /**
     * Makes every still usable token for {@code email}, of any purpose, unusable from {@code now}, as
     * {@link EmailToken#revokeAt} says: {@code holder}, the account just given the address, decides
     * which confirmations stay listed as placeholders.
     * A token that another unit of work is consuming at this very moment is left to it rather than
     * waited for: two units of work that each consumed a token of one address and then link it must
     * not wait on each other (the loser of the link learns that the address is taken).
     */
    void revokeOutstanding(EmailAddress email, AccountId holder, Instant now);

    /** Removes a token that was never delivered. */
    void delete(TokenHash hash);

    /** The usable confirmation tokens {@code account} asked for, newest first. */
    List<EmailToken> pendingConfirmations(AccountId account, Instant now);

    /** Deletes tokens that expired or were used before {@code cutoff}; returns how many. */
    int purgeSpentBefore(Instant cutoff);
}
