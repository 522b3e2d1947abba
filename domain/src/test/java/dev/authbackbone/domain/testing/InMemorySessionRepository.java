package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.port.out.SessionRepository;
import dev.authbackbone.domain.session.EndReason;
import dev.authbackbone.domain.session.Session;
import dev.authbackbone.domain.session.SessionId;
import dev.authbackbone.domain.token.TokenHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sessions in a map by id and refresh tokens in a map by hash; every method is synchronized, so rotation is atomic. */
public final class InMemorySessionRepository implements SessionRepository {

    private record Token(SessionId session, boolean spent) {}

    private final Map<SessionId, Session> sessions = new LinkedHashMap<>();
    private final Map<TokenHash, Token> tokens = new HashMap<>();

    @Override
    public synchronized void start(Session session, TokenHash firstRefreshToken, Instant now) {
        if (sessions.putIfAbsent(session.id(), session) != null || tokens.containsKey(firstRefreshToken)) {
            throw new IllegalStateException("a session with this id or token exists");
        }
        tokens.put(firstRefreshToken, new Token(session.id(), false));
    }

    @Override
    public synchronized Optional<Session> find(SessionId id) {
        return Optional.ofNullable(sessions.get(id));
    }

    @Override
    public synchronized Optional<RefreshTokenHolder> findByRefreshToken(TokenHash hash) {
        Token token = tokens.get(hash);
        return token == null ? Optional.empty()
                : Optional.of(new RefreshTokenHolder(sessions.get(token.session()), token.spent()));
    }

    @Override
    public synchronized boolean rotate(TokenHash spent, TokenHash next, SessionId session, Instant now) {
        Token token = tokens.get(spent);
        if (token == null || token.spent() || !token.session().equals(session)) {
            return false;
        }
        tokens.put(spent, new Token(session, true));
        tokens.put(next, new Token(session, false));
        Session s = sessions.get(session);
        if (s.endedAt().isPresent()) {
            return false;
        }
        sessions.put(session, with(s, now, Optional.empty(), Optional.empty()));
        return true;
    }

    @Override
    public synchronized void touch(SessionId id, Instant now, Instant notBefore) {
        Session s = sessions.get(id);
        if (s != null && s.endedAt().isEmpty() && !s.lastUsedAt().isAfter(notBefore)) {
            sessions.put(id, with(s, now, Optional.empty(), Optional.empty()));
        }
    }

    @Override
    public synchronized boolean end(SessionId id, EndReason reason, Instant now) {
        Session s = sessions.get(id);
        if (s == null || s.endedAt().isPresent()) {
            return false;
        }
        sessions.put(id, with(s, s.lastUsedAt(), Optional.of(now), Optional.of(reason)));
        return true;
    }

    @Override
    public synchronized int endAll(AccountId account, EndReason reason, Instant now) {
        List<SessionId> live = sessions.values().stream()
                .filter(s -> s.account().equals(account) && s.endedAt().isEmpty()).map(Session::id).toList();
        live.forEach(id -> end(id, reason, now));
        return live.size();
    }

    @Override
    public synchronized List<Session> unended(AccountId account) {
        return sessions.values().stream()
                .filter(s -> s.account().equals(account) && s.endedAt().isEmpty())
                .sorted(Comparator.comparing(Session::createdAt).reversed())
                .toList();
    }

    @Override
    public synchronized int purge(Instant endedBefore, Instant lastUsedBefore, Instant startedBefore) {
        List<SessionId> gone = new ArrayList<>();
        sessions.values().forEach(s -> {
            if (s.endedAt().map(e -> e.isBefore(endedBefore)).orElse(false) || s.lastUsedAt().isBefore(lastUsedBefore)
                    || s.createdAt().isBefore(startedBefore)) {
                gone.add(s.id());
            }
        });
        gone.forEach(sessions::remove);
        tokens.values().removeIf(t -> gone.contains(t.session()));
        return gone.size();
    }

    private static Session with(Session s, Instant lastUsedAt, Optional<Instant> endedAt, Optional<EndReason> reason) {
        return Session.restore(s.id(), s.account(), s.createdAt(), lastUsedAt, endedAt, reason);
    }
}
