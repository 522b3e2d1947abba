package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.AddressHolder;
import dev.authbackbone.domain.account.EmailIdentity;
import dev.authbackbone.domain.account.LinkOutcome;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.out.AccountRepository;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link AccountRepository} on the {@code account} and {@code email_identity} tables. */
public final class JdbiAccountRepository implements AccountRepository {

    /** A holder can only vanish if an identity is deleted between two statements; retry that rare case. */
    private static final int LINK_ATTEMPTS = 3;

    // The statements every request runs go through the fluent API: attaching a SqlObject prepares
    // every method of its interface again, on each call, which cost more than the SQL itself.
    private static final String FIND = "SELECT id, created_at, disabled FROM account WHERE id = :id";
    private static final String FIND_FOR_UPDATE = FIND + " FOR UPDATE";
    /** Locks as {@link #FIND_FOR_UPDATE} does, as {@link RowLocking#UPDATE_IN_PLACE} explains. */
    private static final String LOCK = "UPDATE account SET disabled = disabled WHERE id = :id";
    private static final String HOLDER_OF = "SELECT a.id, a.created_at, a.disabled, i.email FROM account a"
            + " JOIN email_identity i ON i.account_id = a.id WHERE i.email_canonical = :canonical";
    private static final String IDENTITIES_OF = "SELECT email, account_id, is_primary, verified_at FROM email_identity"
            + " WHERE account_id = :accountId ORDER BY is_primary DESC, verified_at, email_canonical";
    /** By the unique index that admits one primary per account (V13), whatever the number of addresses. */
    private static final String PRIMARY_OF = "SELECT email FROM email_identity WHERE primary_of = :accountId";
    private static final AccountRow.Mapper ACCOUNT_ROWS = new AccountRow.Mapper();
    private static final EmailIdentityRow.Mapper IDENTITY_ROWS = new EmailIdentityRow.Mapper();

    private final Jdbi jdbi;
    private final RowLocking rowLocking;

    /** Over {@code database}'s connection pool; the composition root never handles JDBI itself. */
    public JdbiAccountRepository(Database database) {
        this(database.jdbi(), database.rowLocking());
    }

    /** Uses {@code jdbi}, which must be the one the {@link JdbiUnitOfWork} uses. */
    public JdbiAccountRepository(Jdbi jdbi) {
        this(jdbi, RowLocking.SELECT_FOR_UPDATE);
    }

    private JdbiAccountRepository(Jdbi jdbi, RowLocking rowLocking) {
        this.jdbi = jdbi;
        this.rowLocking = rowLocking;
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return Handles.with(jdbi, h -> h.createQuery(FIND).bind("id", id.value()).map(ACCOUNT_ROWS).findOne())
                .map(AccountRow::toAccount);
    }

    @Override
    public Optional<Account> findForUpdate(AccountId id) {
        return Handles.with(jdbi, h -> switch (rowLocking) {
            case SELECT_FOR_UPDATE -> h.createQuery(FIND_FOR_UPDATE).bind("id", id.value()).map(ACCOUNT_ROWS).findOne();
            case UPDATE_IN_PLACE -> h.createUpdate(LOCK).bind("id", id.value()).execute() == 0
                    ? Optional.<AccountRow>empty()
                    : h.createQuery(FIND).bind("id", id.value()).map(ACCOUNT_ROWS).findOne();
        }).map(AccountRow::toAccount);
    }

    @Override
    public Optional<AddressHolder> holderOf(EmailAddress email) {
        return Handles.with(jdbi, h -> h.createQuery(HOLDER_OF).bind("canonical", email.canonical())
                .map((rs, ctx) -> new AddressHolder(ACCOUNT_ROWS.map(rs, ctx).toAccount(),
                        EmailAddress.restore(rs.getString("email"))))
                .findOne());
    }

    @Override
    public LinkOutcome open(Account account, EmailAddress primary, Instant verifiedAt) {
        UUID id = account.id().value();
        return Handles.atomically(jdbi, h -> {
            Statements dao = h.attach(Statements.class);
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
            Statements dao = h.attach(Statements.class);
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
        return Handles.with(jdbi, h -> h.createQuery(IDENTITIES_OF).bind("accountId", account.value())
                        .map(IDENTITY_ROWS).list()).stream()
                .map(EmailIdentityRow::toIdentity)
                .toList();
    }

    @Override
    public Optional<EmailAddress> primaryOf(AccountId account) {
        // Parsed from the form it was given in, as EmailIdentityRow does: what the person sees.
        return Handles.with(jdbi, h -> h.createQuery(PRIMARY_OF).bind("accountId", account.value()).mapTo(String.class)
                .findOne()).map(EmailAddress::parse);
    }

    /**
     * Two statements in one transaction: PostgreSQL checks a (non-deferrable) unique constraint row by
     * row, so the old primary must step down before the new one steps up.
     */
    @Override
    public void makePrimary(AccountId account, EmailAddress email) {
        Handles.atomically(jdbi, h -> {
            Statements dao = h.attach(Statements.class);
            dao.stepDown(account.value(), email.canonical());
            if (dao.stepUp(account.value(), email.canonical()) != 1) {
                // Rolls the step-down back with the unit of work: an account never ends up without a primary.
                throw new DatabaseException("cannot make an address primary: it is not an identity of the account");
            }
            return null;
        });
    }

    @Override
    public void unlink(AccountId account, EmailAddress email) {
        Handles.with(jdbi, h -> h.attach(Statements.class).unlink(account.value(), email.canonical()));
    }

    @Override
    public void setDisabled(AccountId account, boolean disabled) {
        Handles.with(jdbi, h -> {
            h.attach(Statements.class).setDisabled(account.value(), disabled);
            return null;
        });
    }

    /** The plain statements, as a SqlObject: those not run on every request (attaching one re-prepares each method). */
    @RegisterRowMapper(EmailIdentityRow.Mapper.class)
    interface Statements {

        @SqlUpdate("INSERT INTO account (id, created_at, disabled) VALUES (:id, :createdAt, :disabled)")
        void insertAccount(@Bind("id") UUID id, @Bind("createdAt") OffsetDateTime createdAt,
                           @Bind("disabled") boolean disabled);

        @SqlUpdate("DELETE FROM account WHERE id = :id")
        void deleteAccount(@Bind("id") UUID id);

        /**
         * Inserts an identity unless the address is taken. ON CONFLICT DO NOTHING (without a conflict
         * target, the only form H2 accepts) waits for a concurrent insert of the same address to end
         * and then reports 0 rows, instead of failing, which on PostgreSQL would abort the transaction.
         */
        @SqlUpdate("INSERT INTO email_identity (email_canonical, email, account_id, is_primary, primary_of, verified_at)"
                + " VALUES (:canonical, :email, :accountId, :primary,"
                + " CASE WHEN :primary THEN CAST(:accountId AS uuid) END, :verifiedAt) ON CONFLICT DO NOTHING")
        int insertIdentityIfFree(@Bind("canonical") String canonical, @Bind("email") String email,
                                 @Bind("accountId") UUID accountId, @Bind("primary") boolean primary,
                                 @Bind("verifiedAt") OffsetDateTime verifiedAt);

        @SqlQuery("SELECT account_id FROM email_identity WHERE email_canonical = :canonical")
        Optional<UUID> holderOf(@Bind("canonical") String canonical);

        /** First step of a primary change: the primary row steps down, freeing the account's one primary slot. */
        @SqlUpdate("UPDATE email_identity SET is_primary = FALSE, primary_of = NULL"
                + " WHERE account_id = :accountId AND is_primary AND email_canonical <> :canonical")
        int stepDown(@Bind("accountId") UUID accountId, @Bind("canonical") String canonical);

        /** Second step: the chosen row takes the slot; the unique primary_of refuses a second primary. */
        @SqlUpdate("UPDATE email_identity SET is_primary = TRUE, primary_of = account_id"
                + " WHERE account_id = :accountId AND email_canonical = :canonical")
        int stepUp(@Bind("accountId") UUID accountId, @Bind("canonical") String canonical);

        @SqlUpdate("DELETE FROM email_identity WHERE account_id = :accountId AND email_canonical = :canonical"
                + " AND NOT is_primary")
        int unlink(@Bind("accountId") UUID accountId, @Bind("canonical") String canonical);

        @SqlUpdate("UPDATE account SET disabled = :disabled WHERE id = :id")
        void setDisabled(@Bind("id") UUID id, @Bind("disabled") boolean disabled);
    }
}
