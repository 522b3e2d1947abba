package dev.authbackbone.application.session;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.port.in.session.RefreshSessionResult;
import dev.authbackbone.domain.port.in.session.RefreshSessionUseCase;
import dev.authbackbone.domain.port.out.AccountRepository;
import dev.authbackbone.domain.port.out.SessionRepository;
import dev.authbackbone.domain.port.out.UnitOfWork;
import dev.authbackbone.domain.session.EndReason;
import dev.authbackbone.domain.session.RefreshDecision;
import dev.authbackbone.domain.session.Session;
import dev.authbackbone.domain.session.SessionPolicy;
import dev.authbackbone.domain.session.StartedSession;
import dev.authbackbone.domain.token.OneTimeToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Rotates refresh tokens: load the session by the token's hash, let the session decide, then spend
 * by compare-and-set. Losing that race to a concurrent refresh with the same token is a reuse like
 * any other: the token was presented twice.
 */
public final class RefreshSessionService implements RefreshSessionUseCase {

    private final SessionRepository sessions;
    private final AccountRepository accounts;
    private final UnitOfWork unitOfWork;
    private final SessionPolicy policy;
    private final Clock clock;
    private final RandomGenerator random;

    public RefreshSessionService(SessionRepository sessions, AccountRepository accounts, UnitOfWork unitOfWork,
                                 SessionPolicy policy, Clock clock, RandomGenerator random) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.unitOfWork = unitOfWork;
        this.policy = policy;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public RefreshSessionResult refresh(String refreshToken, RequestOrigin origin) {
        Optional<OneTimeToken> presented = OneTimeToken.parse(refreshToken);
        if (presented.isEmpty()) {
            // Malformed: not one of ours, so nothing is read or written.
            return new RefreshSessionResult.Invalid();
        }
        Instant now = clock.instant();
        return unitOfWork.inTransaction(() -> {
            Optional<SessionRepository.RefreshTokenHolder> holder = sessions.findByRefreshToken(presented.get().hash());
            if (holder.isEmpty()) {
                return new RefreshSessionResult.Invalid();
            }
            Session session = holder.get().session();
            RefreshDecision decision = session.decideRefresh(holder.get().tokenSpent(), now, policy);
            if (decision instanceof RefreshDecision.Reused) {
                sessions.end(session.id(), EndReason.REFRESH_TOKEN_REUSED, now);
                return new RefreshSessionResult.Reused();
            }
            if (decision instanceof RefreshDecision.Expired || decision instanceof RefreshDecision.Invalid) {
                return new RefreshSessionResult.Invalid();
            }
            if (accounts.find(session.account()).map(Account::isDisabled).orElse(true)) {
                return new RefreshSessionResult.Invalid();
            }
            OneTimeToken next = OneTimeToken.generate(random);
            if (!sessions.rotate(presented.get().hash(), next.hash(), session.id(), now)) {
                sessions.end(session.id(), EndReason.REFRESH_TOKEN_REUSED, now);
                return new RefreshSessionResult.Reused();
            }
            return new RefreshSessionResult.Rotated(session.account(), new StartedSession(session.id(), next,
                    session.endsBy(policy)));
        });
    }
}
