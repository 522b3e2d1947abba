package dev.authbackbone.domain.port.out;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.session.EndReason;
import dev.authbackbone.domain.session.Session;
import dev.authbackbone.domain.session.SessionId;
import dev.authbackbone.domain.token.TokenHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sessions and their refresh tokens (by hash only). */
public interface SessionRepository {

    /** A session and whether the refresh token it was found by is spent. */
    record RefreshTokenHolder(Session session, boolean tokenSpent) {}

    /** Stores a new session with its first refresh token. */
    void start(Session session, TokenHash firstRefreshToken, Instant now);

    /** The session by id, ended or not; one indexed read (the per-request check). */
    Optional<Session> find(SessionId id);

    /** The session a refresh token (live or spent) was issued for. */
    Optional<RefreshTokenHolder> findByRefreshToken(TokenHash hash);

    /**
     * Spends a live refresh token, replaces it with {@code next} and marks the session used at
     * {@code now}: a compare-and-set, so of concurrent callers with one token exactly one gets true.
     */
    boolean rotate(TokenHash spent, TokenHash next, SessionId session, Instant now);

    /** Records a use at {@code now} unless a use after {@code notBefore} is recorded already (or the session ended). */
    void touch(SessionId id, Instant now, Instant notBefore);

    /** Ends the session unless it has ended; true when this call ended it. */
    boolean end(SessionId id, EndReason reason, Instant now);

    /** Ends every session of {@code account} that has not ended; returns how many. */
    int endAll(AccountId account, EndReason reason, Instant now);

    /** The account's sessions that have not ended, newest first (expiry is the caller's to judge). */
    List<Session> unended(AccountId account);

    /**
     * Deletes, with their refresh tokens, the sessions that ended before {@code endedBefore}, were
     * last used before {@code lastUsedBefore} or started before {@code startedBefore}; returns how
     * many sessions.
     */
    int purge(Instant endedBefore, Instant lastUsedBefore, Instant startedBefore);
}
