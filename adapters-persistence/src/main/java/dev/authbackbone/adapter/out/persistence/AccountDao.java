package dev.authbackbone.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The plain statements on {@code account} and {@code email_identity}; the per-request lookups are in the repository. */
@RegisterRowMapper(EmailIdentityRow.Mapper.class)
interface AccountDao {

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
    @SqlUpdate("INSERT INTO email_identity (email_canonical, email, account_id, is_primary, verified_at)"
            + " VALUES (:canonical, :email, :accountId, :primary, :verifiedAt) ON CONFLICT DO NOTHING")
    int insertIdentityIfFree(@Bind("canonical") String canonical, @Bind("email") String email,
                             @Bind("accountId") UUID accountId, @Bind("primary") boolean primary,
                             @Bind("verifiedAt") OffsetDateTime verifiedAt);

    @SqlQuery("SELECT account_id FROM email_identity WHERE email_canonical = :canonical")
    Optional<UUID> holderOf(@Bind("canonical") String canonical);

    @SqlQuery("SELECT email, account_id, is_primary, verified_at FROM email_identity WHERE account_id = :accountId"
            + " ORDER BY is_primary DESC, verified_at, email_canonical")
    List<EmailIdentityRow> identitiesOf(@Bind("accountId") UUID accountId);

    @SqlUpdate("UPDATE account SET disabled = :disabled WHERE id = :id")
    void setDisabled(@Bind("id") UUID id, @Bind("disabled") boolean disabled);
}
