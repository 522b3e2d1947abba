package dev.authbackbone.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.session.EndReason;
import dev.authbackbone.domain.session.Session;
import dev.authbackbone.domain.session.SessionId;
import dev.authbackbone.domain.testing.Concurrently;
import dev.authbackbone.domain.testing.MutableClock;
import dev.authbackbone.domain.testing.SeededRandomSource;
import dev.authbackbone.domain.token.OneTimeToken;
import dev.authbackbone.domain.token.TokenHash;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionRepository} promises. Implementations extend this class and supply a
 * fresh, empty fixture for each test.
 */
public abstract class SessionRepositoryContract {

    private static final AccountId ADA = new AccountId(new UUID(0x0000000000004000L, 0x8000000000000001L));
    private static final AccountId BOB = new AccountId(new UUID(0x0000000000004000L, 0x8000000000000002L));

    /** A repository with nothing stored, and the test's clock. */
    public record Fixture(SessionRepository sessions, MutableClock clock) {
    }

    /** Called before each test. */
    protected abstract Fixture newFixture();

    private SessionRepository sessions;
    private MutableClock clock;
    private final SeededRandomSource random = new SeededRandomSource(11);

    @BeforeEach
    void setUpFixture() {
        Fixture fixture = newFixture();
        sessions = fixture.sessions();
        clock = fixture.clock();
    }

    private TokenHash newHash() {
        return OneTimeToken.generate(random).hash();
    }

    private Session started(AccountId account, TokenHash first) {
        Session session = Session.issue(SessionId.generate(random), account, clock.instant());
        sessions.start(session, first, clock.instant());
        return session;
    }

    @Test
    void start_thenFindByIdAndByToken_returnsTheSessionWithItsTokenUnspent() {
        TokenHash first = newHash();
        Session session = started(ADA, first);

        Session found = sessions.find(session.id()).orElseThrow();
        assertThat(found.account()).isEqualTo(ADA);
        assertThat(found.createdAt()).isEqualTo(clock.instant());
        assertThat(found.lastUsedAt()).isEqualTo(clock.instant());
        assertThat(found.endedAt()).isEmpty();
        SessionRepository.RefreshTokenHolder holder = sessions.findByRefreshToken(first).orElseThrow();
        assertThat(holder.session().id()).isEqualTo(session.id());
        assertThat(holder.tokenSpent()).isFalse();
        assertThat(sessions.find(SessionId.generate(random))).isEmpty();
        assertThat(sessions.findByRefreshToken(newHash())).isEmpty();
    }

    @Test
    void rotate_spendsTheOldToken_storesTheNext_andMarksTheSessionUsed() {
        TokenHash first = newHash();
        Session session = started(ADA, first);
        clock.advance(Duration.ofMinutes(10));
        TokenHash next = newHash();

        assertThat(sessions.rotate(first, next, session.id(), clock.instant())).isTrue();

        assertThat(sessions.findByRefreshToken(first).orElseThrow().tokenSpent()).isTrue();
        assertThat(sessions.findByRefreshToken(next).orElseThrow().tokenSpent()).isFalse();
        assertThat(sessions.find(session.id()).orElseThrow().lastUsedAt()).isEqualTo(clock.instant());
        assertThat(sessions.rotate(first, newHash(), session.id(), clock.instant())).isFalse();
    }

    @Test
    void rotate_concurrentlyWithOneToken_succeedsExactlyOnce() {
        TokenHash first = newHash();
        Session session = started(ADA, first);
        Instant now = clock.instant();
        List<TokenHash> nexts = List.of(newHash(), newHash(), newHash(), newHash());

        List<Boolean> results = Concurrently.run(4, i -> () -> sessions.rotate(first, nexts.get(i), session.id(), now));

        assertThat(results).containsOnlyOnce(true);
    }

    @Test
    void rotate_ofAnEndedSession_isRefused() {
        TokenHash first = newHash();
        Session session = started(ADA, first);
        sessions.end(session.id(), EndReason.SIGNED_OUT, clock.instant());

        assertThat(sessions.rotate(first, newHash(), session.id(), clock.instant())).isFalse();
    }

    @Test
    void end_onlyOnce_andKeepsTheReason() {
        Session session = started(ADA, newHash());
        clock.advance(Duration.ofSeconds(5));

        assertThat(sessions.end(session.id(), EndReason.REFRESH_TOKEN_REUSED, clock.instant())).isTrue();
        assertThat(sessions.end(session.id(), EndReason.SIGNED_OUT, clock.instant())).isFalse();

        Session ended = sessions.find(session.id()).orElseThrow();
        assertThat(ended.endedAt()).contains(clock.instant());
        assertThat(ended.endReason()).contains(EndReason.REFRESH_TOKEN_REUSED);
    }

    @Test
    void endAll_endsOnlyThatAccountsUnendedSessions() {
        Session one = started(ADA, newHash());
        clock.advance(Duration.ofSeconds(1));
        Session two = started(ADA, newHash());
        Session bobs = started(BOB, newHash());
        sessions.end(one.id(), EndReason.SIGNED_OUT, clock.instant());

        assertThat(sessions.endAll(ADA, EndReason.ACCOUNT_DISABLED, clock.instant())).isEqualTo(1);

        assertThat(sessions.find(two.id()).orElseThrow().endReason()).contains(EndReason.ACCOUNT_DISABLED);
        assertThat(sessions.find(one.id()).orElseThrow().endReason()).contains(EndReason.SIGNED_OUT);
        assertThat(sessions.find(bobs.id()).orElseThrow().endedAt()).isEmpty();
    }

    @Test
    void unended_listsTheAccountsSessionsNewestFirst() {
        Session older = started(ADA, newHash());
        clock.advance(Duration.ofMinutes(1));
        Session newer = started(ADA, newHash());
        Session ended = started(ADA, newHash());
        sessions.end(ended.id(), EndReason.SIGNED_OUT, clock.instant());
        started(BOB, newHash());

        assertThat(sessions.unended(ADA)).extracting(Session::id).containsExactly(newer.id(), older.id());
    }

    @Test
    void touch_writesOnlyWhenTheRecordedUseIsOlderThanNotBefore() {
        Session session = started(ADA, newHash());
        Instant started = clock.instant();
        clock.advance(Duration.ofSeconds(30));

        sessions.touch(session.id(), clock.instant(), clock.instant().minus(Duration.ofMinutes(1)));
        assertThat(sessions.find(session.id()).orElseThrow().lastUsedAt()).isEqualTo(started);

        clock.advance(Duration.ofMinutes(1));
        sessions.touch(session.id(), clock.instant(), clock.instant().minus(Duration.ofMinutes(1)));
        assertThat(sessions.find(session.id()).orElseThrow().lastUsedAt()).isEqualTo(clock.instant());
    }

    @Test
    void purge_deletesEndedIdleAndOldSessionsWithTheirTokens_andKeepsTheRest() {
        TokenHash endedToken = newHash();
        Session ended = started(ADA, endedToken);
        sessions.end(ended.id(), EndReason.SIGNED_OUT, clock.instant());
        Session idle = started(ADA, newHash());
        clock.advance(Duration.ofDays(2));
        TokenHash liveToken = newHash();
        Session live = started(ADA, liveToken);
        Instant cutoff = clock.instant().minus(Duration.ofDays(1));

        assertThat(sessions.purge(cutoff, cutoff, clock.instant().minus(Duration.ofDays(90)))).isEqualTo(2);

        assertThat(sessions.find(ended.id())).isEmpty();
        assertThat(sessions.find(idle.id())).isEmpty();
        assertThat(sessions.findByRefreshToken(endedToken)).isEmpty();
        assertThat(sessions.find(live.id())).isPresent();
        assertThat(sessions.findByRefreshToken(liveToken)).isPresent();
    }
}
