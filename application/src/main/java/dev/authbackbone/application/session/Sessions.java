package dev.authbackbone.application.session;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.AccountStanding;
import dev.authbackbone.domain.port.out.EmailTokenRepository;
import dev.authbackbone.domain.port.out.SessionRepository;
import dev.authbackbone.domain.session.Caller;
import dev.authbackbone.domain.session.EndReason;
import dev.authbackbone.domain.session.Session;
import dev.authbackbone.domain.session.SessionId;
import dev.authbackbone.domain.session.SessionPolicy;
import dev.authbackbone.domain.session.StartedSession;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Starts and ends sessions: the one collaborator every sign-in (link, code, operator) calls,
 * inside its own unit of work, so that the session exists exactly when the sign-in does; and the
 * one that ends them all (sign-out everywhere, undo, disable), with what they asked for.
 */
public final class Sessions {

    private final SessionRepository sessions;
    private final EmailTokenRepository tokens;
    private final SessionPolicy policy;
    private final RandomGenerator random;

    /** {@code random} must be a CSPRNG outside tests: it makes session ids and refresh tokens. */
    public Sessions(SessionRepository sessions, EmailTokenRepository tokens, SessionPolicy policy, RandomGenerator random) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
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

    /**
     * Inside a unit of work, with the account locked by the caller ({@code locked}): how
     * {@code caller} stands now, its session read again under that lock, by the bearer check's own
     * rule. An undo, sign-out everywhere or disable that held the lock has ended the session by
     * then, though the bearer check, before the lock, found it live (ADR 0019).
     */
    public AccountStanding standing(Caller caller, Optional<Account> locked, Instant now) {
        return caller.standing(locked, sessions.find(caller.session()), now, policy);
    }

    /** Ends the session {@code id} at {@code now}, if it is live. */
    public void end(SessionId id, EndReason reason, Instant now) {
        sessions.end(id, reason, now);
    }

    /**
     * Inside a unit of work, with the account locked: ends every session of {@code account} at
     * {@code now}, and withdraws the confirmations the account has pending, which only a session
     * can have asked for. Every caller ends them for fear a session is in the wrong hands (sign-out
     * everywhere, undo, disable), and a confirmation asked for with it, finished afterwards by
     * whoever holds that address, would let them sign in again (ADR 0019). Returns how many
     * sessions were live.
     */
    public int endAll(AccountId account, EndReason reason, Instant now) {
        tokens.revokeAllPendingConfirmations(account, now);
        return sessions.endAll(account, reason, now);
    }
}
