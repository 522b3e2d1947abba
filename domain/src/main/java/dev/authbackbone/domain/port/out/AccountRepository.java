package dev.authbackbone.domain.port.out;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.AddressHolder;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.email.EmailAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Accounts and their verified addresses. Storage guarantees that an address (by its canonical
 * form) is a verified identity of at most one account, whatever runs concurrently. Every method
 * throws {@link StorageUnavailableException} when the database cannot be reached in time.
 */
public interface AccountRepository {

    /** The account, if it exists. */
    Optional<Account> find(AccountId id);

    /**
     * The account, locked until the current unit of work ends, so that concurrent requests of one
     * account are counted one after the other.
     */
    Optional<Account> findForUpdate(AccountId id);

    /** The account holding {@code email} as a verified identity, with the address as it was first given; empty if none. */
    Optional<AddressHolder> holderOf(EmailAddress email);

    /** The account holding {@code email} as a verified identity, if any. */
    default Optional<Account> findByEmail(EmailAddress email) {
        return holderOf(email).map(AddressHolder::account);
    }

    /**
     * Creates {@code account} with {@code primary} as its verified primary address, unless another
     * account holds that address: then nothing is stored and the outcome says so.
     */
    LinkOutcome open(Account account, EmailAddress primary, Instant verifiedAt);

    /** Records {@code email} as a verified, non-primary identity of {@code account}, unless it is held. */
    LinkOutcome link(AccountId account, EmailAddress email, Instant verifiedAt);

    /** The verified identities of {@code account}, primary first, then oldest first. */
    List<EmailIdentity> identitiesOf(AccountId account);

    /** The primary address of {@code account}; empty when the account is unknown. */
    Optional<EmailAddress> primaryOf(AccountId account);

    /**
     * Makes {@code email}, a verified identity of {@code account}, its primary, and its previous
     * primary an ordinary identity, together. Storage guarantees that an account has at most one
     * primary, whatever runs concurrently; callers hold the account's lock ({@link #findForUpdate}).
     */
    void makePrimary(AccountId account, EmailAddress email);

    /** Deletes {@code email} as a non-primary verified identity of {@code account}; anything else changes nothing. */
    void unlink(AccountId account, EmailAddress email);

    /** Disables or re-enables {@code account}; unknown ids change nothing. */
    void setDisabled(AccountId account, boolean disabled);
}
