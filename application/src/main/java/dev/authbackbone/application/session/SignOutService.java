package dev.authbackbone.application.session;

import dev.authbackbone.domain.session.Caller;
import dev.authbackbone.domain.port.in.session.SignOutEverywhereUseCase;
import dev.authbackbone.domain.port.in.session.SignOutUseCase;
import dev.authbackbone.domain.port.out.SessionRepository;
import dev.authbackbone.domain.session.EndReason;
import java.time.Clock;

/** Signing out of this session, or of every session of the account; each is one statement. */
public final class SignOutService implements SignOutUseCase, SignOutEverywhereUseCase {

    private final SessionRepository sessions;
    private final Clock clock;

    public SignOutService(SessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public void signOut(Caller caller) {
        sessions.end(caller.session(), EndReason.SIGNED_OUT, clock.instant());
    }

    @Override
    public void signOutEverywhere(Caller caller) {
        sessions.endAll(caller.account(), EndReason.ENDED_BY_ACCOUNT, clock.instant());
    }
}
