package dev.authbackbone.application.session;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.port.out.SessionRepository;
import dev.authbackbone.domain.session.EndReason;
import dev.authbackbone.domain.session.Session;
import dev.authbackbone.domain.session.SessionId;
import dev.authbackbone.domain.session.SessionPolicy;
import dev.authbackbone.domain.session.StartedSession;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Starts sessions: the one collaborator every sign-in (link, code, operator) calls, inside its own
 * unit of work, so that the session exists exactly when the sign-in does.
 */
public final class Sessions {

    private final SessionRepository sessions;
    private final SessionPolicy policy;
    private final RandomGenerator random;

    /** {@code random} must be a CSPRNG outside tests: it makes session ids and refresh tokens. */
    public Sessions(SessionRepository sessions, SessionPolicy policy, RandomGenerator random) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new session of {@code account} started at {@code now}, with its first refresh token. */
    public StartedSession start(AccountId account, Instant now) {
        SessionId id = SessionId.generate(random);
        OneTimeToken refreshToken = OneTimeToken.generate(random);
        Session session = Session.issue(id, account, now);
        sessions.start(session, refreshToken.hash(), now);
        return new StartedSession(id, refreshToken, session.endsBy(policy));
    }

    /** Ends every session of {@code account} at {@code now}; returns how many were live. */
    public int endAll(AccountId account, EndReason reason, Instant now) {
        return sessions.endAll(account, reason, now);
    }
}
