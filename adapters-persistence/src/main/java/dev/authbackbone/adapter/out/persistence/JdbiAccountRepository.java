package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.out.AccountRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link AccountRepository} on the {@code account} and {@code email_identity} tables. */
public final class JdbiAccountRepository implements AccountRepository {

    /** A holder can only vanish if an identity is deleted between two statements; retry that rare case. */
    private static final int LINK_ATTEMPTS = 3;

    private final Jdbi jdbi;

    /** Over {@code database}'s connection pool; the composition root never handles JDBI itself. */
    public JdbiAccountRepository(Database database) {
        this(database.jdbi());
    }

    /** Uses {@code jdbi}, which must be the one the {@link JdbiUnitOfWork} uses. */
    public JdbiAccountRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return Handles.with(jdbi, h -> h.attach(AccountDao.class).find(id.value())).map(AccountRow::toAccount);
    }

    @Override
    public Optional<Account> findForUpdate(AccountId id) {
        return Handles.with(jdbi, h -> h.attach(AccountDao.class).findForUpdate(id.value())).map(AccountRow::toAccount);
    }

    @Override
    public Optional<Account> findByEmail(EmailAddress email) {
        return Handles.with(jdbi, h -> h.attach(AccountDao.class).findByEmail(email.canonical()))
                .map(AccountRow::toAccount);
    }

    @Override
    public LinkOutcome open(Account account, EmailAddress primary, Instant verifiedAt) {
        UUID id = account.id().value();
        return Handles.atomically(jdbi, h -> {
            AccountDao dao = h.attach(AccountDao.class);
            // The account row must exist before its identity can reference it; if the address turns
            // out to be taken, the row is deleted again in the same transaction.
            dao.insertAccount(id, Timestamps.toColumn(account.createdAt()), account.isDisabled());
            if (dao.insertIdentityIfFree(primary.canonical(), primary.value(), id, true,
                    Timestamps.toColumn(verifiedAt)) == 1) {
                return new LinkOutcome.Linked();
            }
            dao.deleteAccount(id);
            return new LinkOutcome.HeldByAnotherAccount();
        });
    }

    @Override
    public LinkOutcome link(AccountId account, EmailAddress email, Instant verifiedAt) {
        return Handles.atomically(jdbi, h -> {
            AccountDao dao = h.attach(AccountDao.class);
            for (int attempt = 0; attempt < LINK_ATTEMPTS; attempt++) {
                if (dao.insertIdentityIfFree(email.canonical(), email.value(), account.value(), false,
                        Timestamps.toColumn(verifiedAt)) == 1) {
                    return new LinkOutcome.Linked();
                }
                Optional<UUID> holder = dao.holderOf(email.canonical());
                if (holder.isPresent()) {
                    return holder.get().equals(account.value())
                            ? new LinkOutcome.AlreadyLinked()
                            : new LinkOutcome.HeldByAnotherAccount();
                }
            }
            throw new DatabaseException("could not link an address: its holder kept changing");
        });
    }

    @Override
    public List<EmailIdentity> identitiesOf(AccountId account) {
        return Handles.with(jdbi, h -> h.attach(AccountDao.class).identitiesOf(account.value())).stream()
                .map(EmailIdentityRow::toIdentity)
                .toList();
    }

    @Override
    public void setDisabled(AccountId account, boolean disabled) {
        Handles.with(jdbi, h -> {
            h.attach(AccountDao.class).setDisabled(account.value(), disabled);
            return null;
        });
    }
}
