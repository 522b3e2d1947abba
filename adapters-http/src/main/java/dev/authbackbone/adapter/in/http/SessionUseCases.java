package dev.authbackbone.adapter.in.http;

import dev.authbackbone.domain.port.in.session.AuthenticateSessionUseCase;
import dev.authbackbone.domain.port.in.session.EndSessionUseCase;
import dev.authbackbone.domain.port.in.session.ListSessionsUseCase;
import dev.authbackbone.domain.port.in.session.RefreshSessionUseCase;
import dev.authbackbone.domain.port.in.session.SignOutEverywhereUseCase;
import dev.authbackbone.domain.port.in.session.SignOutUseCase;
import java.util.Objects;

/** The session ports the HTTP adapter calls: the per-request check and the session routes. */
public record SessionUseCases(
        AuthenticateSessionUseCase authenticate,
        RefreshSessionUseCase refresh,
        SignOutUseCase signOut,
        SignOutEverywhereUseCase signOutEverywhere,
        ListSessionsUseCase list,
        EndSessionUseCase end) {

    public SessionUseCases {
        Objects.requireNonNull(authenticate, "authenticate");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(signOut, "signOut");
        Objects.requireNonNull(signOutEverywhere, "signOutEverywhere");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(end, "end");
    }
}
