package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.token.CodeHash;
import dev.authbackbone.domain.token.EmailPurpose;
import dev.authbackbone.domain.token.EmailToken;
import dev.authbackbone.domain.token.TokenHash;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** {@link EmailTokenRepository} on the {@code email_token} table. */
public final class JdbiEmailTokenRepository implements EmailTokenRepository {

    /** Runs on every confirmation request, so a fluent statement; the canonical form's index finds the rows. */
    private static final String PENDING_SPELLING = "SELECT email FROM email_token"
            + " WHERE email_canonical = :canonical AND account_id = :accountId AND purpose = 'EMAIL_CONFIRMATION'"
            + " AND (consumed_at IS NULL OR placeholder) AND expires_at > :now ORDER BY issued_at FETCH FIRST 1 ROWS ONLY";
    /**
     * The compare-and-set: of concurrent consumers the database lets exactly one UPDATE change the
     * row. The others wait for its row lock and then re-check the WHERE clause against the committed
     * row (PostgreSQL's READ COMMITTED re-check; H2 2.x re-evaluates the condition the same way),
     * which no longer matches.
     */
    private static final String CONSUME = "UPDATE email_token SET consumed_at = :now"
            + " WHERE token_hash = :hash AND purpose = :purpose AND consumed_at IS NULL AND expires_at > :now"
            + " AND code_attempts < :maxChecks";
    /**
     * Claims one code check, the same compare-and-set: concurrent claimants queue on the row lock and
     * re-check the count, so no more than the checks left succeed. The lock stays with the claimant
     * until its unit of work ends, which then consumes the row if the code matched.
     */
    private static final String CLAIM_CODE_CHECK = "UPDATE email_token SET code_attempts = code_attempts + 1"
            + " WHERE token_hash = :hash AND code_hash IS NOT NULL AND expires_at > :now AND code_attempts < :maxChecks";
    /** Its check already claimed (possibly the last one), so only "still pending" is asked here. */
    private static final String CONSUME_BY_CODE = "UPDATE email_token SET consumed_at = :now"
            + " WHERE token_hash = :hash AND consumed_at IS NULL AND expires_at > :now";
    private static final String CHECKABLE_ROWS = " FROM email_token"
            + " WHERE email_canonical = :canonical AND purpose = :purpose AND code_hash IS NOT NULL"
            + " AND expires_at > :now AND code_attempts < :maxChecks";
    private static final String CHECKABLE = "SELECT " + EmailTokenRow.COLUMNS + CHECKABLE_ROWS;
    private static final String CHECKABLE_ORDER = " ORDER BY issued_at DESC, token_hash FETCH FIRST "
            + CODE_CANDIDATES + " ROWS ONLY";
    private static final String CHECKABLE_SIGN_IN = CHECKABLE + CHECKABLE_ORDER;
    private static final String OF_REQUESTER = " AND account_id = :accountId";
    private static final String CHECKABLE_CONFIRMATION = CHECKABLE + OF_REQUESTER + CHECKABLE_ORDER;
    /**
     * The usable mails with a code outside the checkable ones, by the same query. It waits for a row
     * another unit of work holds rather than skipping it: a wrong code being checked holds the older
     * mails it was compared with, and a skipped one stayed usable outside the checked ones (an outside
     * probe). It locks them newest first, the order in which a code check claims its candidates, so
     * that the two never wait on each other in a circle (in any other order PostgreSQL found deadlocks
     * under concurrent sign-in requests and wrong codes: another probe).
     */
    private static final String RETIRE_UNCHECKABLE = "UPDATE email_token SET consumed_at = :now WHERE token_hash IN"
            + " (SELECT token_hash FROM email_token WHERE email_canonical = :canonical AND purpose = :purpose"
            + " AND code_hash IS NOT NULL AND consumed_at IS NULL AND expires_at > :now%1$s"
            + " AND token_hash NOT IN (SELECT token_hash" + CHECKABLE_ROWS + "%1$s" + CHECKABLE_ORDER + ")"
            + " ORDER BY issued_at DESC, token_hash FOR UPDATE)";
    private static final String RETIRE_UNCHECKABLE_SIGN_IN = RETIRE_UNCHECKABLE.formatted("");
    private static final String RETIRE_UNCHECKABLE_CONFIRMATION = RETIRE_UNCHECKABLE.formatted(OF_REQUESTER);
    /**
     * A duplicate hash reports 0 rows rather than failing, so a PostgreSQL transaction stays usable.
     * The CAST types a null account id, which PostgreSQL would otherwise take for a varchar. (Fluent,
     * like the other per-request statements: attaching a SqlObject per call costs more than the SQL.)
     */
    private static final String INSERT_IF_ABSENT = "INSERT INTO email_token (token_hash, purpose, account_id, email,"
            + " email_canonical, issued_at, expires_at, consumed_at, code_salt, code_hash, code_rounds, code_attempts,"
            + " placeholder)"
            + " VALUES (:hash, :purpose, CAST(:accountId AS uuid), :email, :canonical, :issuedAt, :expiresAt, :consumedAt,"
            + " :codeSalt, :codeHash, :codeRounds, :codeAttempts, :placeholder) ON CONFLICT DO NOTHING";
    /**
     * SKIP LOCKED leaves out the rows another transaction holds: a consume in flight. Waiting for
     * them instead deadlocks two confirmations of one address by two accounts (each holds its own
     * token, then one waits for the other's identity insert while that one waits here). The
     * consumer of a skipped token goes on to link the address and finds it taken. Another account's
     * confirmation stays listed as a placeholder, as {@code EmailToken.revokeAt} says (a sign-in
     * token's null account compares unknown, so it never does).
     */
    private static final String REVOKE_OUTSTANDING = "UPDATE email_token SET consumed_at = :now, placeholder ="
            + " CASE WHEN purpose = 'EMAIL_CONFIRMATION' AND account_id <> :holder THEN TRUE ELSE FALSE END"
            + " WHERE token_hash IN"
            + " (SELECT token_hash FROM email_token WHERE email_canonical = :canonical AND consumed_at IS NULL"
            + " AND expires_at > :now FOR UPDATE SKIP LOCKED)";
    private static final String SELECT_BY_HASH =
            "SELECT " + EmailTokenRow.COLUMNS + " FROM email_token WHERE token_hash = :hash";

    private final Jdbi jdbi;

    /** Over {@code database}'s connection pool; the composition root never handles JDBI itself. */
    public JdbiEmailTokenRepository(Database database) {
        this(database.jdbi());
    }

    /** Uses {@code jdbi}, which must be the one the {@link JdbiUnitOfWork} uses. */
    public JdbiEmailTokenRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(EmailToken token) {
        int inserted = Handles.with(jdbi, h -> h.createUpdate(INSERT_IF_ABSENT)
                .bind("hash", token.hash().hex())
                .bind("purpose", token.purpose().name())
                .bindByType("accountId", token.account().map(AccountId::value).orElse(null), UUID.class)
                .bind("email", token.email().value())
                .bind("canonical", token.email().canonical())
                .bind("issuedAt", Timestamps.toColumn(token.issuedAt()))
                .bind("expiresAt", Timestamps.toColumn(token.expiresAt()))
                .bindByType("consumedAt", token.consumedAt().map(Timestamps::toColumn).orElse(null), OffsetDateTime.class)
                .bindByType("codeSalt", token.code().map(CodeHash::salt).orElse(null), String.class)
                .bindByType("codeHash", token.code().map(CodeHash::hex).orElse(null), String.class)
                .bind("codeRounds", token.code().map(CodeHash::rounds).orElse(1))
                .bind("codeAttempts", token.codeChecks())
                .bind("placeholder", token.isPlaceholder())
                .execute());
        if (inserted == 0) {
            throw new IllegalStateException("a token with this hash exists");
        }
    }

    @Override
    public Optional<EmailToken> consume(TokenHash hash, EmailPurpose purpose, Instant now) {
        OffsetDateTime at = Timestamps.toColumn(now);
        return Handles.atomically(jdbi, h -> {
            int changed = h.createUpdate(CONSUME)
                    .bind("now", at)
                    .bind("hash", hash.hex())
                    .bind("purpose", purpose.name())
                    .bind("maxChecks", EmailToken.MAX_CODE_CHECKS)
                    .execute();
            return changed == 0 ? Optional.<EmailToken>empty() : reread(h, hash);
        });
    }

    @Override
    public List<EmailToken> withCheckableCode(EmailAddress email, EmailPurpose purpose, Optional<AccountId> requester,
                                              Instant now) {
        boolean confirmation = purpose == EmailPurpose.EMAIL_CONFIRMATION;
        if (confirmation && requester.isEmpty()) {
            return List.of();
        }
        return Handles.with(jdbi, h -> {
            var query = h.createQuery(confirmation ? CHECKABLE_CONFIRMATION : CHECKABLE_SIGN_IN)
                    .bind("canonical", email.canonical())
                    .bind("purpose", purpose.name())
                    .bind("now", Timestamps.toColumn(now))
                    .bind("maxChecks", EmailToken.MAX_CODE_CHECKS);
            if (confirmation) {
                query.bind("accountId", requester.get().value());
            }
            return query.map(new EmailTokenRow.Mapper()).list();
        }).stream().map(EmailTokenRow::toToken).toList();
    }

    @Override
    public void retireUncheckable(EmailAddress email, EmailPurpose purpose, Optional<AccountId> requester,
                                  Instant now) {
        boolean confirmation = purpose == EmailPurpose.EMAIL_CONFIRMATION;
        if (confirmation && requester.isEmpty()) {
            return;
        }
        Handles.with(jdbi, h -> {
            var update = h.createUpdate(confirmation ? RETIRE_UNCHECKABLE_CONFIRMATION : RETIRE_UNCHECKABLE_SIGN_IN)
                    .bind("canonical", email.canonical())
                    .bind("purpose", purpose.name())
                    .bind("now", Timestamps.toColumn(now))
                    .bind("maxChecks", EmailToken.MAX_CODE_CHECKS);
            if (confirmation) {
                update.bind("accountId", requester.get().value());
            }
            return update.execute();
        });
    }

    @Override
    public Optional<EmailToken> claimCodeCheck(TokenHash hash, Instant now) {
        return Handles.atomically(jdbi, h -> {
            int changed = h.createUpdate(CLAIM_CODE_CHECK)
                    .bind("hash", hash.hex())
                    .bind("now", Timestamps.toColumn(now))
                    .bind("maxChecks", EmailToken.MAX_CODE_CHECKS)
                    .execute();
            return changed == 0 ? Optional.<EmailToken>empty() : reread(h, hash);
        });
    }

    @Override
    public Optional<EmailToken> consumeByCode(TokenHash hash, Instant now) {
        return Handles.atomically(jdbi, h -> {
            int changed = h.createUpdate(CONSUME_BY_CODE)
                    .bind("hash", hash.hex())
                    .bind("now", Timestamps.toColumn(now))
                    .execute();
            return changed == 0 ? Optional.<EmailToken>empty() : reread(h, hash);
        });
    }

    /** The row as this transaction just changed it. */
    private static Optional<EmailToken> reread(Handle h, TokenHash hash) {
        return h.createQuery(SELECT_BY_HASH)
                .bind("hash", hash.hex())
                .map(new EmailTokenRow.Mapper())
                .findOne()
                .map(EmailTokenRow::toToken);
    }

    @Override
    public Optional<EmailToken> find(TokenHash hash) {
        return Handles.with(jdbi, h -> h.createQuery(SELECT_BY_HASH)
                .bind("hash", hash.hex())
                .map(new EmailTokenRow.Mapper())
                .findOne()
                .map(EmailTokenRow::toToken));
    }

    @Override
    public void revokeOutstanding(EmailAddress email, AccountId holder, Instant now) {
        Handles.with(jdbi, h -> h.createUpdate(REVOKE_OUTSTANDING).bind("canonical", email.canonical())
                .bind("holder", holder.value())
                .bind("now", Timestamps.toColumn(now)).execute());
    }

    @Override
    public void revokePendingConfirmations(AccountId account, EmailAddress email, Instant now) {
        Handles.with(jdbi, h -> h.attach(Statements.class).revokePendingConfirmations(account.value(),
                email.canonical(), Timestamps.toColumn(now)));
    }

    @Override
    public void revokeAllPendingConfirmations(AccountId account, Instant now) {
        Handles.with(jdbi, h -> h.attach(Statements.class).revokeAllPendingConfirmations(account.value(),
                Timestamps.toColumn(now)));
    }

    @Override
    public void delete(TokenHash hash) {
        Handles.with(jdbi, h -> h.attach(Statements.class).delete(hash.hex()));
    }

    @Override
    public Optional<EmailAddress> pendingSpelling(AccountId account, EmailAddress email, Instant now) {
        return Handles.with(jdbi, h -> h.createQuery(PENDING_SPELLING).bind("canonical", email.canonical())
                .bind("accountId", account.value()).bind("now", Timestamps.toColumn(now))
                .mapTo(String.class).findFirst().map(EmailAddress::restore));
    }

    @Override
    public List<EmailToken> pendingConfirmations(AccountId account, Instant now) {
        return Handles.with(jdbi, h -> h.attach(Statements.class).pendingConfirmations(account.value(),
                        Timestamps.toColumn(now))).stream()
                .map(EmailTokenRow::toToken)
                .toList();
    }

    /**
     * Deletes in batches, each its own statement, until none is left. Several instances may purge at
     * once: each row is deleted, and counted, by exactly one of them.
     */
    @Override
    public int purgeSpentBefore(Instant cutoff) {
        OffsetDateTime at = Timestamps.toColumn(cutoff);
        return Handles.with(jdbi, h -> {
            Statements dao = h.attach(Statements.class);
            int total = 0;
            for (List<String> batch = dao.spentBefore(at); !batch.isEmpty(); batch = dao.spentBefore(at)) {
                total += dao.deleteSpent(batch, at);
            }
            return total;
        });
    }

    /** The plain statements, as a SqlObject: those not run on every request (attaching one re-prepares each method). */
    @RegisterRowMapper(EmailTokenRow.Mapper.class)
    interface Statements {

        @SqlUpdate("DELETE FROM email_token WHERE token_hash = :hash")
        int delete(@Bind("hash") String hash);

        /** As {@code EmailToken.withdrawAt}: a placeholder stops being listed too. */
        @SqlUpdate("UPDATE email_token SET consumed_at = COALESCE(consumed_at, :now), placeholder = FALSE"
                + " WHERE account_id = :accountId AND email_canonical = :canonical AND purpose = 'EMAIL_CONFIRMATION'"
                + " AND (consumed_at IS NULL OR placeholder) AND expires_at > :now")
        int revokePendingConfirmations(@Bind("accountId") UUID accountId, @Bind("canonical") String canonical,
                                       @Bind("now") OffsetDateTime now);

        /** As {@link #revokePendingConfirmations}, every address of the account. */
        @SqlUpdate("UPDATE email_token SET consumed_at = COALESCE(consumed_at, :now), placeholder = FALSE"
                + " WHERE account_id = :accountId AND purpose = 'EMAIL_CONFIRMATION'"
                + " AND (consumed_at IS NULL OR placeholder) AND expires_at > :now")
        int revokeAllPendingConfirmations(@Bind("accountId") UUID accountId, @Bind("now") OffsetDateTime now);

        @SqlQuery("SELECT " + EmailTokenRow.COLUMNS + " FROM email_token"
                + " WHERE account_id = :accountId AND purpose = 'EMAIL_CONFIRMATION'"
                + " AND (consumed_at IS NULL OR placeholder) AND expires_at > :now"
                + " ORDER BY issued_at DESC, token_hash")
        List<EmailTokenRow> pendingConfirmations(@Bind("accountId") UUID accountId, @Bind("now") OffsetDateTime now);

        /**
         * The next batch to purge, with the same boundaries as the domain's fake: expired at or before
         * the cutoff, or used before it (a placeholder only once it expired: it is listed until then).
         * Batches keep each statement short, well inside the statement timeout, and a
         * select-then-delete by key is fast on both databases (H2 runs a DELETE with an IN-subquery
         * row by row).
         */
        @SqlQuery("SELECT token_hash FROM email_token WHERE expires_at <= :cutoff"
                + " OR (consumed_at < :cutoff AND NOT placeholder)"
                + " FETCH FIRST " + PURGE_BATCH + " ROWS ONLY")
        List<String> spentBefore(@Bind("cutoff") OffsetDateTime cutoff);

        @SqlUpdate("DELETE FROM email_token WHERE token_hash IN (<hashes>)"
                + " AND (expires_at <= :cutoff OR (consumed_at < :cutoff AND NOT placeholder))")
        int deleteSpent(@BindList("hashes") List<String> hashes, @Bind("cutoff") OffsetDateTime cutoff);

        /** Rows per purge statement. */
        int PURGE_BATCH = 500;
    }
}
