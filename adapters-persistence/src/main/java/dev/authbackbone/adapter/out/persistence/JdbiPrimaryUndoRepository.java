package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.address.PrimaryUndo;
import dev.authbackbone.domain.port.out.PrimaryUndoRepository;
import dev.authbackbone.domain.token.TokenHash;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link PrimaryUndoRepository} on the {@code primary_undo} table. */
public final class JdbiPrimaryUndoRepository implements PrimaryUndoRepository {

    private static final String INSERT = "INSERT INTO primary_undo (" + PrimaryUndoRow.COLUMNS + ") VALUES"
            + " (:hash, :accountId, :previous, :issuedAt, :expiresAt, NULL, :previousVerifiedAt)";
    /** The compare-and-set, as for email tokens: of concurrent consumers exactly one UPDATE changes the row. */
    private static final String CONSUME = "UPDATE primary_undo SET consumed_at = :now"
            + " WHERE token_hash = :hash AND consumed_at IS NULL AND expires_at > :now";
    private static final String REVOKE_SINCE = "UPDATE primary_undo SET consumed_at = :now"
            + " WHERE account_id = :accountId AND consumed_at IS NULL AND issued_at >= :since";
    private static final String SELECT = "SELECT " + PrimaryUndoRow.COLUMNS + " FROM primary_undo WHERE token_hash = :hash";
    private static final String USABLE_OF = "SELECT " + PrimaryUndoRow.COLUMNS + " FROM primary_undo"
            + " WHERE account_id = :accountId AND consumed_at IS NULL AND expires_at > :now ORDER BY issued_at";
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
                .bindByType("previousVerifiedAt", undo.previousVerifiedAt().map(Timestamps::toColumn).orElse(null),
                        OffsetDateTime.class)
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
    public Optional<PrimaryUndo> find(TokenHash hash) {
        return Handles.with(jdbi, h -> h.createQuery(SELECT).bind("hash", hash.hex()).map(new PrimaryUndoRow.Mapper())
                .findOne().map(PrimaryUndoRow::toUndo));
    }

    @Override
    public List<PrimaryUndo> usableOf(AccountId account, Instant now) {
        return Handles.with(jdbi, h -> h.createQuery(USABLE_OF).bind("accountId", account.value())
                .bind("now", Timestamps.toColumn(now)).map(new PrimaryUndoRow.Mapper()).stream()
                .map(PrimaryUndoRow::toUndo).toList());
    }

    @Override
    public int revokeIssuedSince(AccountId account, Instant since, Instant now) {
        return Handles.with(jdbi, h -> h.createUpdate(REVOKE_SINCE).bind("now", Timestamps.toColumn(now))
                .bind("accountId", account.value()).bind("since", Timestamps.toColumn(since)).execute());
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
