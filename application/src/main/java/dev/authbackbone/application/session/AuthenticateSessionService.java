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
 * {@link #touchResolution} per session, by a conditional update, so a busy session costs one
 * small write a minute rather than one per request.
 */
public final class AuthenticateSessionService implements AuthenticateSessionUseCase {

    /** How stale {@code last_used_at} may be at most. */
    public static final Duration TOUCH_RESOLUTION = Duration.ofMinutes(1);

    private final SessionRepository sessions;
    private final SessionPolicy policy;
    private final Clock clock;
    private final Duration touchResolution;

    public AuthenticateSessionService(SessionRepository sessions, SessionPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
        this.touchResolution = touchResolution(policy);
    }

    /**
     * A minute, or a quarter of the idle lifetime when that is shorter: a last use recorded a
     * minute late would end a session in use whose idle lifetime is under a minute.
     */
    static Duration touchResolution(SessionPolicy policy) {
        Duration quarter = policy.idleTtl().dividedBy(4);
        return quarter.compareTo(TOUCH_RESOLUTION) < 0 ? quarter : TOUCH_RESOLUTION;
    }

    @Override
    public AuthenticateSessionResult authenticate(Caller caller) {
        Instant now = clock.instant();
        Optional<Session> session = sessions.find(caller.session());
        if (session.isEmpty() || !session.get().isLiveFor(caller.account(), now, policy)) {
            return new AuthenticateSessionResult.NotLive();
        }
        if (session.get().needsTouchAt(now, touchResolution)) {
            sessions.touch(caller.session(), now, now.minus(touchResolution));
        }
        return new AuthenticateSessionResult.Live();
    }
}
