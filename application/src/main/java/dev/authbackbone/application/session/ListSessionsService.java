package dev.authbackbone.application.session;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.port.in.session.ListSessionsUseCase;
import dev.authbackbone.domain.port.out.SessionRepository;
import dev.authbackbone.domain.session.Session;
import dev.authbackbone.domain.session.SessionPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Lists the account's sessions that are live now: not ended and within both lifetimes. */
public final class ListSessionsService implements ListSessionsUseCase {

    private final SessionRepository sessions;
    private final SessionPolicy policy;
    private final Clock clock;

    public ListSessionsService(SessionRepository sessions, SessionPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public List<Session> list(AccountId account) {
        Instant now = clock.instant();
        return sessions.unended(account).stream().filter(s -> s.isLiveAt(now, policy)).toList();
    }
}
