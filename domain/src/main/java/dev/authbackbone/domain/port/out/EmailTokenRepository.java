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
 *
 * <p>The rules of a change live in {@link EmailToken} ({@code consumeAt}, {@code claimCodeCheckAt},
 * {@code revokeAt}, {@code retireAt}...), each named in its method's Javadoc here. An adapter over a
 * shared database applies a rule as one conditional statement instead of reading, deciding and
 * writing back, so that concurrent units of work on any number of instances see one outcome; the
 * domain's contract test ({@code EmailTokenRepositoryContract}) holds every adapter, and the
 * in-memory one that applies the domain's methods as they are, to the same results.
 */
public interface EmailTokenRepository {

    /** Stores a newly issued token. */
    void save(EmailToken token);

    /** How many tokens {@link #withCheckableCode} returns at most. */
    int CODE_CANDIDATES = 5;

    /**
     * Marks the token with {@code hash} and {@code purpose} used at {@code now}, if it could be
     * redeemed ({@link EmailToken#consumeAt}), and returns it; empty when it is unknown, expired,
     * used, for another purpose, or its code checks are used up.
     */
    Optional<EmailToken> consume(TokenHash hash, EmailPurpose purpose, Instant now);

    /**
     * The newest (at most {@value #CODE_CANDIDATES}) unexpired {@code purpose} tokens of {@code email}
     * whose mail carried a code with checks left, used or not; for a confirmation only those
     * {@code requester} asked for (empty for a sign-in). Reading them claims nothing.
     */
    List<EmailToken> withCheckableCode(EmailAddress email, EmailPurpose purpose, Optional<AccountId> requester,
                                       Instant now);

    /**
     * Retires ({@link EmailToken#retireAt}) the usable {@code purpose} tokens of {@code email} whose
     * mail carried a code that {@link #withCheckableCode} no longer returns (for a confirmation, among
     * those {@code requester} asked for): a mail is either checked with its code or dead with its link.
     * It waits for a token another unit of work holds at this moment (a code being checked against it).
     */
    void retireUncheckable(EmailAddress email, EmailPurpose purpose, Optional<AccountId> requester, Instant now);

    /**
     * Counts one code check against the token with {@code hash}, atomically, if one is left
     * ({@link EmailToken#claimCodeCheckAt}), and returns it as it is then; empty when none is left.
     * Of concurrent claimants no more than the remaining checks succeed, and the claimant holds the
     * token until its unit of work ends.
     */
    Optional<EmailToken> claimCodeCheck(TokenHash hash, Instant now);

    /**
     * Marks used at {@code now} the token whose code check this unit of work claimed, if it was
     * still pending ({@link EmailToken#consumeByCodeAt}), and returns it; empty when it was not.
     */
    Optional<EmailToken> consumeByCode(TokenHash hash, Instant now);

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

    /**
     * Withdraws every pending confirmation {@code account} asked for {@code email} at {@code now}, as
     * {@link EmailToken#withdrawAt} says: usable ones become unusable, placeholders stop being listed.
     */
    void revokePendingConfirmations(AccountId account, EmailAddress email, Instant now);

    /** As {@link #revokePendingConfirmations}, for every address {@code account} asked for. */
    void revokeAllPendingConfirmations(AccountId account, Instant now);

    /** Removes a token that was never delivered. */
    void delete(TokenHash hash);

    /**
     * How {@code account}'s oldest pending confirmation of {@code email} spells the address (usable
     * tokens and placeholders), or empty when the account has none pending for it.
     */
    Optional<EmailAddress> pendingSpelling(AccountId account, EmailAddress email, Instant now);

    /** The pending confirmations {@code account} asked for (usable tokens and placeholders), newest first. */
    List<EmailToken> pendingConfirmations(AccountId account, Instant now);

    /** Deletes tokens that expired or were used before {@code cutoff}; returns how many. */
    int purgeSpentBefore(Instant cutoff);
}
