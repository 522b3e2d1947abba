package dev.authbackbone.application.session;

import dev.authbackbone.domain.port.in.session.SignOutEverywhereUseCase;
import dev.authbackbone.domain.port.in.session.SignOutUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.session.Caller;
import dev.authbackbone.domain.session.EndReason;
import java.time.Clock;

/**
 * Signing out of this session (one statement), or of every session of the account (under the
 * account's lock), which also withdraws the confirmations the account has pending: whoever signs
 * out everywhere fears a session is in the wrong hands, and a confirmation asked for with it,
 * confirmed afterwards by whoever controls that address, would let them sign in again for good.
 */
public final class SignOutService implements SignOutUseCase, SignOutEverywhereUseCase {

    private final Sessions sessions;
    private final AccountRepository accounts;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public SignOutService(Sessions sessions, AccountRepository accounts, UnitOfWork unitOfWork, Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public void signOut(Caller caller) {
        sessions.end(caller.session(), EndReason.SIGNED_OUT, clock.instant());
    }

    @Override
    public void signOutEverywhere(Caller caller) {
        unitOfWork.inTransaction(() -> {
            // Taken before the sessions end, as undo and disable do: the use cases that mail a token
            // read the session again under this lock, so none that waited behind it acts for them.
            accounts.findForUpdate(caller.account());
            return sessions.endAll(caller.account(), EndReason.ENDED_BY_ACCOUNT, clock.instant());
        });
    }
}
