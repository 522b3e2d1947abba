package dev.authbackbone.domain.port.out;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.token.EmailPurpose;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The ledger of accepted mail requests that the quotas count. It lives in the database so that a
 * quota holds across restarts and across every instance sharing that database. Every method
 * throws {@link StorageUnavailableException} when the database cannot be reached in time.
 */
public interface EmailRequestLedger {

    /**
     * Locks the quota of {@code email} for {@code purpose} until the current unit of work ends, so
     * that concurrent requests for one address, on any instance, are counted one after the other.
     */
    void lock(EmailAddress email, EmailPurpose purpose);

    /** When the accepted requests for {@code email} and {@code purpose} after {@code since} were made. */
    List<Instant> acceptedSince(EmailAddress email, EmailPurpose purpose, Instant since);

    /** When the accepted requests made by {@code account} after {@code since} were made. */
    List<Instant> acceptedFromAccountSince(AccountId account, Instant since);

    /** Records an accepted request. */
    void record(EmailRequest request);

    /** Removes a request that ended up refused (its mail could not be sent), giving its quota back. */
    void forget(UUID requestId);

    /** Deletes entries accepted before {@code cutoff}; returns how many. */
    int purgeBefore(Instant cutoff);
}
