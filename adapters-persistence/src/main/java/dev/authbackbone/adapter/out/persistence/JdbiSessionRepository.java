package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.port.out.SessionRepository;
import dev.authbackbone.domain.session.EndReason;
import dev.authbackbone.domain.session.Session;
import dev.authbackbone.domain.session.SessionId;
import dev.authbackbone.domain.token.TokenHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link SessionRepository} on the {@code user_session} and {@code refresh_token} tables (fluent API). */
public final class JdbiSessionRepository implements SessionRepository {

    private static final String INSERT_SESSION = "INSERT INTO user_session (id, account_id, created_at, last_used_at)"
            + " VALUES (:id, :account, :now, :now)";
    private static final String INSERT_TOKEN = "INSERT INTO refresh_token (token_hash, session_id, issued_at)"
            + " VALUES (:hash, :session, :now)";
    private static final String SELECT_BY_ID = "SELECT " + UserSessionRow.COLUMNS + " FROM user_session s WHERE s.id = :id";
    private static final String SELECT_BY_TOKEN = "SELECT " + UserSessionRow.COLUMNS + ", r.spent_at"
            + " FROM refresh_token r JOIN user_session s ON s.id = r.session_id WHERE r.token_hash = :hash";
    /**
     * The compare-and-set: of concurrent spenders of one token the database lets exactly one UPDATE
     * change the row; the others wait for its row lock, re-check the WHERE clause against the
     * committed row (READ COMMITTED on PostgreSQL, the same on H2 2.x) and change nothing.
     */
    private static final String SPEND = "UPDATE refresh_token SET spent_at = :now"
            + " WHERE token_hash = :hash AND session_id = :session AND spent_at IS NULL";
    private static final String USED = "UPDATE user_session SET last_used_at = :now WHERE id = :id AND ended_at IS NULL";
    private static final String TOUCH = "UPDATE user_session SET last_used_at = :now"
            + " WHERE id = :id AND ended_at IS NULL AND last_used_at <= :notBefore";
    private static final String END = "UPDATE user_session SET ended_at = :now, end_reason = :reason"
            + " WHERE id = :id AND ended_at IS NULL";
    private static final String END_ALL = "UPDATE user_session SET ended_at = :now, end_reason = :reason"
            + " WHERE account_id = :account AND ended_at IS NULL";
    private static final String UNENDED = "SELECT " + UserSessionRow.COLUMNS + " FROM user_session s"
            + " WHERE s.account_id = :account AND s.ended_at IS NULL ORDER BY s.created_at DESC, s.id";
    private static final String PURGE = "DELETE FROM user_session"
            + " WHERE ended_at < :ended OR last_used_at < :lastUsed OR created_at < :started";

    private final Jdbi jdbi;

    /** Over {@code database}'s connection pool; the composition root never handles JDBI itself. */
    public JdbiSessionRepository(Database database) {
        this(database.jdbi());
    }

    /** Uses {@code jdbi}, which must be the one the {@link JdbiUnitOfWork} uses. */
    public JdbiSessionRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void start(Session session, TokenHash firstRefreshToken, Instant now) {
        Handles.atomically(jdbi, h -> {
            h.createUpdate(INSERT_SESSION).bind("id", session.id().value()).bind("account", session.account().value())
                    .bind("now", Timestamps.toColumn(session.createdAt())).execute();
            return h.createUpdate(INSERT_TOKEN).bind("hash", firstRefreshToken.hex()).bind("session", session.id().value())
                    .bind("now", Timestamps.toColumn(now)).execute();
        });
    }

    @Override
    public Optional<Session> find(SessionId id) {
        return Handles.with(jdbi, h -> h.createQuery(SELECT_BY_ID).bind("id", id.value())
                .map(new UserSessionRow.Mapper()).findOne());
    }

    @Override
    public Optional<RefreshTokenHolder> findByRefreshToken(TokenHash hash) {
        return Handles.with(jdbi, h -> h.createQuery(SELECT_BY_TOKEN).bind("hash", hash.hex())
                .map((rs, ctx) -> new RefreshTokenHolder(UserSessionRow.read(rs).toSession(),
                        Timestamps.fromColumn(rs, "spent_at") != null))
                .findOne());
    }

    @Override
    public boolean rotate(TokenHash spent, TokenHash next, SessionId session, Instant now) {
        return Handles.atomically(jdbi, h -> {
            int changed = h.createUpdate(SPEND).bind("now", Timestamps.toColumn(now)).bind("hash", spent.hex())
                    .bind("session", session.value()).execute();
            if (changed == 0) {
                return false;
            }
            h.createUpdate(INSERT_TOKEN).bind("hash", next.hex()).bind("session", session.value())
                    .bind("now", Timestamps.toColumn(now)).execute();
            // Ended meanwhile (a sign-out committed after our read): the new token must not be handed out.
            return h.createUpdate(USED).bind("now", Timestamps.toColumn(now)).bind("id", session.value()).execute() == 1;
        });
    }

    @Override
    public void touch(SessionId id, Instant now, Instant notBefore) {
        Handles.with(jdbi, h -> h.createUpdate(TOUCH).bind("now", Timestamps.toColumn(now)).bind("id", id.value())
                .bind("notBefore", Timestamps.toColumn(notBefore)).execute());
    }

    @Override
    public boolean end(SessionId id, EndReason reason, Instant now) {
        return Handles.with(jdbi, h -> h.createUpdate(END).bind("now", Timestamps.toColumn(now))
                .bind("reason", reason.name()).bind("id", id.value()).execute()) == 1;
    }

    @Override
    public int endAll(AccountId account, EndReason reason, Instant now) {
        return Handles.with(jdbi, h -> h.createUpdate(END_ALL).bind("now", Timestamps.toColumn(now))
                .bind("reason", reason.name()).bind("account", account.value()).execute());
    }

    @Override
    public List<Session> unended(AccountId account) {
        return Handles.with(jdbi, h -> h.createQuery(UNENDED).bind("account", account.value())
                .map(new UserSessionRow.Mapper()).list());
    }

    @Override
    public int purge(Instant endedBefore, Instant lastUsedBefore, Instant startedBefore) {
        return Handles.with(jdbi, h -> h.createUpdate(PURGE).bind("ended", Timestamps.toColumn(endedBefore))
                .bind("lastUsed", Timestamps.toColumn(lastUsedBefore))
                .bind("started", Timestamps.toColumn(startedBefore)).execute());
    }
}
