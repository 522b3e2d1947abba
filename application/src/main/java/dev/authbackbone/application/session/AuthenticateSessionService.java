package dev.authbackbone.application.session;

import dev.authbackbone.domain.port.in.session.AuthenticateSessionResult;
import dev.authbackbone.domain.port.in.session.AuthenticateSessionUseCase;
import dev.authbackbone.domain.session.Caller;
import dev.authbackbone.domain.port.out.SessionRepository;
import dev.authbackbone.domain.session.Session;
import dev.authbackbone.domain.session.SessionPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The per-request check: one read of the session by primary key, exact (no cache, so an ended
 * session is refused at once on every instance). The last use is written at most once per
 * {@link #TOUCH_RESOLUTION} per session, by a conditional update, so a busy session costs one
 * small write a minute rather than one per request.
 */
public final class AuthenticateSessionService implements AuthenticateSessionUseCase {

    /** How stale {@code last_used_at} may be; far below any idle lifetime worth configuring. */
    public static final Duration TOUCH_RESOLUTION = Duration.ofMinutes(1);

    private final SessionRepository sessions;
    private final SessionPolicy policy;
    private final Clock clock;

    public AuthenticateSessionService(SessionRepository sessions, SessionPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public AuthenticateSessionResult authenticate(Caller caller) {
        Instant now = clock.instant();
        Optional<Session> session = sessions.find(caller.session());
        if (session.isEmpty() || !session.get().isLiveFor(caller.account(), now, policy)) {
            return new AuthenticateSessionResult.NotLive();
        }
        if (session.get().needsTouchAt(now, TOUCH_RESOLUTION)) {
            sessions.touch(caller.session(), now, now.minus(TOUCH_RESOLUTION));
        }
        return new AuthenticateSessionResult.Live();
    }
}
