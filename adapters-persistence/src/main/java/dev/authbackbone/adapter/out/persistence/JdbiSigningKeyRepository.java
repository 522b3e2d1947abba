package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.port.out.SigningKeyRepository;
import dev.authbackbone.domain.signing.SigningKey;
import dev.authbackbone.domain.signing.SigningKeyRing;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link SigningKeyRepository} on the {@code signing_key} table. */
public final class JdbiSigningKeyRepository implements SigningKeyRepository {

    /**
     * Either constraint (kid, generation) turns a second insert of the same generation into no row
     * rather than an error, so the transaction stays usable; a concurrent insert waits for the
     * first one's commit and then finds the conflict.
     */
    private static final String INSERT_IF_ABSENT = "INSERT INTO signing_key (kid, generation, algorithm, private_key,"
            + " public_key, created_at, retired_at) VALUES (:kid, :generation, :algorithm, :privateKey, :publicKey,"
            + " :createdAt, NULL) ON CONFLICT DO NOTHING";
    private static final String RETIRE_OLDER = "UPDATE signing_key SET retired_at = :at"
            + " WHERE retired_at IS NULL AND generation < :generation";
    private static final String SELECT_ALL = "SELECT kid, generation, algorithm, private_key, public_key, created_at,"
            + " retired_at FROM signing_key";

    private final Jdbi jdbi;

    /** Over {@code database}'s connection pool; the composition root never handles JDBI itself. */
    public JdbiSigningKeyRepository(Database database) {
        this(database.jdbi());
    }

    /** Uses {@code jdbi}, which must be the one the {@link JdbiUnitOfWork} uses. */
    public JdbiSigningKeyRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public SigningKeyRing all() {
        return new SigningKeyRing(Handles.with(jdbi, h -> h.createQuery(SELECT_ALL)
                .map((rs, ctx) -> new SigningKey(rs.getString("kid"), rs.getLong("generation"), rs.getString("algorithm"),
                        Base64.getDecoder().decode(rs.getString("private_key")),
                        Base64.getDecoder().decode(rs.getString("public_key")),
                        Timestamps.fromColumn(rs, "created_at"),
                        Optional.ofNullable(Timestamps.fromColumn(rs, "retired_at"))))
                .list()));
    }

    @Override
    public boolean addIfNextGeneration(SigningKey next) {
        return Handles.atomically(jdbi, h -> {
            int inserted = h.createUpdate(INSERT_IF_ABSENT)
                    .bind("kid", next.kid())
                    .bind("generation", next.generation())
                    .bind("algorithm", next.algorithm())
                    .bind("privateKey", Base64.getEncoder().encodeToString(next.privateKey()))
                    .bind("publicKey", Base64.getEncoder().encodeToString(next.publicKey()))
                    .bind("createdAt", Timestamps.toColumn(next.createdAt()))
                    .execute();
            if (inserted == 0) {
                return false;
            }
            h.createUpdate(RETIRE_OLDER).bind("at", Timestamps.toColumn(next.createdAt()))
                    .bind("generation", next.generation()).execute();
            return true;
        });
    }

    @Override
    public int deleteRetiredBefore(Instant cutoff) {
        return Handles.with(jdbi, h -> h.createUpdate("DELETE FROM signing_key WHERE retired_at < :cutoff")
                .bind("cutoff", Timestamps.toColumn(cutoff)).execute());
    }
}
