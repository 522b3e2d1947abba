package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.address.PrimaryUndo;
import dev.authbackbone.domain.port.out.PrimaryUndoRepository;
import dev.authbackbone.domain.token.TokenHash;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link PrimaryUndoRepository} on the {@code primary_undo} table. */
public final class JdbiPrimaryUndoRepository implements PrimaryUndoRepository {

    private static final String INSERT = "INSERT INTO primary_undo (" + PrimaryUndoRow.COLUMNS + ") VALUES"
            + " (:hash, :accountId, :previous, :issuedAt, :expiresAt, NULL)";
    /** The compare-and-set, as for email tokens: of concurrent consumers exactly one UPDATE changes the row. */
    private static final String CONSUME = "UPDATE primary_undo SET consumed_at = :now"
            + " WHERE token_hash = :hash AND consumed_at IS NULL AND expires_at > :now";
    private static final String REVOKE_ALL = "UPDATE primary_undo SET consumed_at = :now"
            + " WHERE account_id = :accountId AND consumed_at IS NULL";
    private static final String SELECT = "SELECT " + PrimaryUndoRow.COLUMNS + " FROM primary_undo WHERE token_hash = :hash";
    private static final String PURGE = "DELETE FROM primary_undo WHERE expires_at <= :cutoff OR consumed_at < :cutoff";

    private final Jdbi jdbi;

    /** Over {@code database}'s connection pool. */
    public JdbiPrimaryUndoRepository(Database database) {
        this(database.jdbi());
    }

    /** Uses {@code jdbi}, which must be the one the {@link JdbiUnitOfWork} uses. */
    public JdbiPrimaryUndoRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void save(PrimaryUndo undo) {
        Handles.with(jdbi, h -> h.createUpdate(INSERT)
                .bind("hash", undo.hash().hex())
                .bind("accountId", undo.account().value())
                .bind("previous", undo.previous().value())
                .bind("issuedAt", Timestamps.toColumn(undo.issuedAt()))
                .bind("expiresAt", Timestamps.toColumn(undo.expiresAt()))
                .execute());
    }

    @Override
    public Optional<PrimaryUndo> consume(TokenHash hash, Instant now) {
        OffsetDateTime at = Timestamps.toColumn(now);
        return Handles.atomically(jdbi, h -> {
            if (h.createUpdate(CONSUME).bind("now", at).bind("hash", hash.hex()).execute() == 0) {
                return Optional.<PrimaryUndo>empty();
            }
            return h.createQuery(SELECT).bind("hash", hash.hex()).map(new PrimaryUndoRow.Mapper()).findOne()
                    .map(PrimaryUndoRow::toUndo);
        });
    }

    @Override
    public int revokeAll(AccountId account, Instant now) {
        return Handles.with(jdbi, h -> h.createUpdate(REVOKE_ALL).bind("now", Timestamps.toColumn(now))
                .bind("accountId", account.value()).execute());
    }

    @Override
    public void delete(TokenHash hash) {
        Handles.with(jdbi, h -> h.createUpdate("DELETE FROM primary_undo WHERE token_hash = :hash")
                .bind("hash", hash.hex()).execute());
    }

    /** Few rows (one per primary change, kept a week), so one statement does. */
    @Override
    public int purgeSpentBefore(Instant cutoff) {
        return Handles.with(jdbi, h -> h.createUpdate(PURGE).bind("cutoff", Timestamps.toColumn(cutoff)).execute());
    }
}
