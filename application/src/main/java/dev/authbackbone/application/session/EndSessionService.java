package dev.authbackbone.application.session;

import dev.authbackbone.domain.session.Caller;
import dev.authbackbone.domain.port.in.session.EndSessionResult;
import dev.authbackbone.domain.port.in.session.EndSessionUseCase;
import dev.authbackbone.domain.port.out.SessionRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.session.EndReason;
import dev.authbackbone.domain.session.Session;
import dev.authbackbone.domain.session.SessionId;
import dev.authbackbone.domain.session.SessionPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Ends one of the caller's sessions by id. Another account's session, an unknown id and an ended
 * session are one outcome, so the answer tells nobody which session ids exist.
 */
public final class EndSessionService implements EndSessionUseCase {

    private final SessionRepository sessions;
    private final UnitOfWork unitOfWork;
    private final SessionPolicy policy;
    private final Clock clock;

    public EndSessionService(SessionRepository sessions, UnitOfWork unitOfWork, SessionPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.unitOfWork = unitOfWork;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public EndSessionResult end(Caller caller, String sessionId) {
        Optional<SessionId> id = SessionId.parse(sessionId);
        if (id.isEmpty()) {
            return new EndSessionResult.NotFound();
        }
        Instant now = clock.instant();
        return unitOfWork.inTransaction(() -> {
            Optional<Session> session = sessions.find(id.get());
            if (session.isEmpty() || !session.get().isLiveFor(caller.account(), now, policy)
                    || !sessions.end(id.get(), EndReason.ENDED_BY_ACCOUNT, now)) {
                return new EndSessionResult.NotFound();
            }
            return new EndSessionResult.Ended();
        });
    }
}
