package dev.authbackbone.adapter.in.http;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.port.in.session.AuthenticateSessionResult;
import dev.authbackbone.domain.port.in.session.AuthenticateSessionUseCase;
import dev.authbackbone.domain.session.Caller;
import dev.authbackbone.domain.port.in.session.EndSessionResult;
import dev.authbackbone.domain.port.in.session.EndSessionUseCase;
import dev.authbackbone.domain.port.in.session.ListSessionsUseCase;
import dev.authbackbone.domain.port.in.session.RefreshSessionResult;
import dev.authbackbone.domain.port.in.session.RefreshSessionUseCase;
import dev.authbackbone.domain.port.in.session.SignOutEverywhereUseCase;
import dev.authbackbone.domain.port.in.session.SignOutUseCase;
import dev.authbackbone.domain.session.Session;
import java.util.List;

/** Fakes of the session ports: every session is live, and every refresh token is invalid. */
final class FakeSessions implements AuthenticateSessionUseCase, RefreshSessionUseCase, SignOutUseCase,
        SignOutEverywhereUseCase, ListSessionsUseCase, EndSessionUseCase {

    SessionUseCases asUseCases() {
        return new SessionUseCases(this, this, this, this, this, this);
    }

    @Override
    public AuthenticateSessionResult authenticate(Caller caller) {
        return new AuthenticateSessionResult.Live();
    }

    @Override
    public RefreshSessionResult refresh(String refreshToken, RequestOrigin origin) {
        return new RefreshSessionResult.Invalid();
    }

    @Override
    public void signOut(Caller caller) {
    }

    @Override
    public void signOutEverywhere(Caller caller) {
    }

    @Override
    public List<Session> list(AccountId account) {
        return List.of();
    }

    @Override
    public EndSessionResult end(Caller caller, String sessionId) {
        return new EndSessionResult.NotFound();
    }
}
