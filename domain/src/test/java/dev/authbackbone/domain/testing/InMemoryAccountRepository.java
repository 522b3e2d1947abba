package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.AddressHolder;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.out.AccountRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts in maps; the address-to-account map plays the database's unique index. */
public final class InMemoryAccountRepository implements AccountRepository {

    private final Map<AccountId, Account> accounts = new LinkedHashMap<>();
    private final Map<String, EmailIdentity> identitiesByCanonical = new LinkedHashMap<>();

    @Override
    public synchronized Optional<Account> find(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public Optional<Account> findForUpdate(AccountId id) {
        return find(id);
    }

    @Override
    public synchronized Optional<AddressHolder> holderOf(EmailAddress email) {
        return Optional.ofNullable(identitiesByCanonical.get(email.canonical()))
                .map(i -> new AddressHolder(accounts.get(i.account()), i.email()));
    }

    @Override
    public synchronized LinkOutcome open(Account account, EmailAddress primary, Instant verifiedAt) {
        if (identitiesByCanonical.containsKey(primary.canonical())) {
            return new LinkOutcome.HeldByAnotherAccount();
        }
        accounts.put(account.id(), account);
        identitiesByCanonical.put(primary.canonical(), new EmailIdentity(account.id(), primary, true, verifiedAt));
        return new LinkOutcome.Linked();
    }

    @Override
    public synchronized LinkOutcome link(AccountId account, EmailAddress email, Instant verifiedAt) {
        EmailIdentity holder = identitiesByCanonical.get(email.canonical());
        if (holder != null) {
            return holder.account().equals(account) ? new LinkOutcome.AlreadyLinked() : new LinkOutcome.HeldByAnotherAccount();
        }
        identitiesByCanonical.put(email.canonical(), new EmailIdentity(account, email, false, verifiedAt));
        return new LinkOutcome.Linked();
    }

    @Override
    public synchronized List<EmailIdentity> identitiesOf(AccountId account) {
        return identitiesByCanonical.values().stream()
                .filter(i -> i.account().equals(account))
                .sorted(Comparator.comparing((EmailIdentity i) -> !i.primary()).thenComparing(EmailIdentity::verifiedAt))
                .toList();
    }

    @Override
    public synchronized Optional<EmailAddress> primaryOf(AccountId account) {
        return EmailIdentity.primaryAmong(identitiesOf(account));
    }

    @Override
    public synchronized void makePrimary(AccountId account, EmailAddress email) {
        EmailIdentity target = identitiesByCanonical.get(email.canonical());
        if (target == null || !target.account().equals(account)) {
            return;
        }
        identitiesByCanonical.replaceAll((canonical, i) -> i.account().equals(account)
                ? new EmailIdentity(account, i.email(), canonical.equals(email.canonical()), i.verifiedAt()) : i);
    }

    @Override
    public synchronized void unlink(AccountId account, EmailAddress email) {
        EmailIdentity identity = identitiesByCanonical.get(email.canonical());
        if (identity != null && identity.account().equals(account) && !identity.primary()) {
            identitiesByCanonical.remove(email.canonical());
        }
    }

    @Override
    public synchronized void setDisabled(AccountId account, boolean disabled) {
        accounts.computeIfPresent(account, (id, a) -> Account.restore(id, a.createdAt(), disabled));
    }
}
