package dev.authbackbone.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.port.in.account.ManageAccountResult;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkCommand;
import dev.authbackbone.domain.port.in.signin.SignInWithLinkResult;
import dev.authbackbone.domain.port.in.signin.RequestSignInLinkCommand;
import dev.authbackbone.domain.port.in.session.AuthenticateSessionResult;
import dev.authbackbone.domain.session.Caller;
import dev.authbackbone.domain.port.in.session.EndSessionResult;
import dev.authbackbone.domain.port.in.session.RefreshSessionResult;
import dev.authbackbone.domain.session.EndReason;
import dev.authbackbone.application.session.AuthenticateSessionService;
import dev.authbackbone.domain.session.Session;
import dev.authbackbone.domain.session.SessionPolicy;
import dev.authbackbone.domain.session.StartedSession;
import dev.authbackbone.domain.testing.Concurrently;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sessions: started by every sign-in, rotated, reused, ended; checked on every request. */
class SessionServicesTest {

    private final Fixture f = new Fixture();

    private StartedSession opened(String email) {
        return ((ManageAccountResult.Opened) f.manage.open(Fixture.email(email))).session();
    }

    private AccountId accountOf(StartedSession session) {
        return f.sessionRepository.find(session.id()).orElseThrow().account();
    }

    private Caller caller(StartedSession session) {
        return new Caller(accountOf(session), session.id());
    }

    private RefreshSessionResult refresh(StartedSession session) {
        return f.refresh.refresh(session.refreshToken().reveal(), RequestOrigin.unknown());
    }

    private boolean live(StartedSession session) {
        return f.authenticate.authenticate(caller(session)) instanceof AuthenticateSessionResult.Live;
    }

    @Test
    void signInWithLink_startsASession() {
        f.requestSignIn.request(new RequestSignInLinkCommand(Fixture.email("ada@example.com"), RequestOrigin.unknown()));

        SignInWithLinkResult result = f.signIn.signIn(new SignInWithLinkCommand(f.lastLinkToken()));

        StartedSession session = ((SignInWithLinkResult.SignedIn) result).session();
        assertThat(live(session)).isTrue();
    }

    @Test
    void refresh_rotates_andTheSpentTokenNoLongerWorks() {
        StartedSession first = opened("ada@example.com");

        RefreshSessionResult rotated = refresh(first);

        assertThat(rotated).isInstanceOf(RefreshSessionResult.Rotated.class);
        StartedSession next = ((RefreshSessionResult.Rotated) rotated).next();
        assertThat(next.id()).isEqualTo(first.id());
        assertThat(next.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(refresh(next)).isInstanceOf(RefreshSessionResult.Rotated.class);
    }

    @Test
    void refresh_withASpentToken_endsTheWholeSession() {
        StartedSession first = opened("ada@example.com");
        StartedSession next = ((RefreshSessionResult.Rotated) refresh(first)).next();

        assertThat(refresh(first)).isInstanceOf(RefreshSessionResult.Reused.class);

        assertThat(refresh(next)).isInstanceOf(RefreshSessionResult.Invalid.class);
        assertThat(live(next)).isFalse();
        assertThat(f.sessionRepository.find(first.id()).orElseThrow().endReason()).contains(EndReason.REFRESH_TOKEN_REUSED);
    }

    @Test
    void refresh_concurrentlyWithOneToken_rotatesExactlyOnce() {
        StartedSession first = opened("ada@example.com");

        List<RefreshSessionResult> results = Concurrently.run(4, i -> () -> refresh(first));

        assertThat(results).filteredOn(r -> r instanceof RefreshSessionResult.Rotated).hasSize(1);
    }

    @Test
    void refresh_malformedOrUnknown_isInvalid_andExpiresAfterTheIdleLifetime() {
        StartedSession first = opened("ada@example.com");

        assertThat(f.refresh.refresh("nope", RequestOrigin.unknown())).isInstanceOf(RefreshSessionResult.Invalid.class);
        assertThat(f.refresh.refresh("A".repeat(43), RequestOrigin.unknown())).isInstanceOf(RefreshSessionResult.Invalid.class);
        f.clock.advance(Duration.ofDays(30));
        assertThat(refresh(first)).isInstanceOf(RefreshSessionResult.Invalid.class);
        assertThat(live(first)).isFalse();
    }

    @Test
    void authenticate_recordsUseAtMostOnceAMinute() {
        StartedSession session = opened("ada@example.com");
        var started = f.clock.instant();

        f.clock.advance(Duration.ofSeconds(30));
        assertThat(live(session)).isTrue();
        assertThat(f.sessionRepository.find(session.id()).orElseThrow().lastUsedAt()).isEqualTo(started);

        f.clock.advance(Duration.ofSeconds(30));
        assertThat(live(session)).isTrue();
        assertThat(f.sessionRepository.find(session.id()).orElseThrow().lastUsedAt()).isEqualTo(f.clock.instant());
    }

    /** With an idle lifetime under a minute, a use recorded a minute late would end a session in use. */
    @Test
    void authenticate_shortIdleLifetime_aSessionUsedEveryTwoSecondsStaysLive() {
        AuthenticateSessionService authenticate = new AuthenticateSessionService(f.sessionRepository,
                new SessionPolicy(Duration.ofSeconds(8), Duration.ofSeconds(20)), f.clock);
        StartedSession session = opened("ada@example.com");

        for (int second = 2; second <= 16; second += 2) {
            f.clock.advance(Duration.ofSeconds(2));
            assertThat(authenticate.authenticate(caller(session))).as("at %ds", second)
                    .isInstanceOf(AuthenticateSessionResult.Live.class);
        }
        f.clock.advance(Duration.ofSeconds(9));
        assertThat(authenticate.authenticate(caller(session))).as("idle for longer than 8s")
                .isInstanceOf(AuthenticateSessionResult.NotLive.class);
    }

    @Test
    void authenticate_anotherAccountsSession_isNotLive() {
        StartedSession ada = opened("ada@example.com");
        StartedSession bob = opened("bob@example.com");

        assertThat(f.authenticate.authenticate(new Caller(accountOf(ada), bob.id())))
                .isInstanceOf(AuthenticateSessionResult.NotLive.class);
    }

    @Test
    void signOut_endsThisSessionOnly_andSignOutEverywhereEndsAll() {
        StartedSession one = opened("ada@example.com");
        AccountId ada = accountOf(one);
        StartedSession two = f.sessions.start(ada, f.clock.instant());
        StartedSession three = f.sessions.start(ada, f.clock.instant());

        f.signOut.signOut(caller(one));
        assertThat(live(one)).isFalse();
        assertThat(refresh(one)).isInstanceOf(RefreshSessionResult.Invalid.class);
        assertThat(live(two)).isTrue();

        f.signOut.signOutEverywhere(caller(two));
        assertThat(live(two)).isFalse();
        assertThat(live(three)).isFalse();
    }

    @Test
    void listSessions_showsLiveOnesOnly() {
        StartedSession one = opened("ada@example.com");
        AccountId ada = accountOf(one);
        f.clock.advance(Duration.ofMinutes(1));
        StartedSession two = f.sessions.start(ada, f.clock.instant());
        StartedSession three = f.sessions.start(ada, f.clock.instant());
        f.signOut.signOut(caller(three));

        assertThat(f.listSessions.list(ada)).extracting(Session::id).containsExactlyInAnyOrder(one.id(), two.id());
    }

    @Test
    void endSession_anotherAccountsUnknownOrEndedSession_isTheSameNotFound() {
        StartedSession ada = opened("ada@example.com");
        StartedSession bob = opened("bob@example.com");
        StartedSession adaTwo = f.sessions.start(accountOf(ada), f.clock.instant());

        assertThat(f.endSession.end(caller(ada), bob.id().toString())).isEqualTo(new EndSessionResult.NotFound());
        assertThat(f.endSession.end(caller(ada), "00000000-0000-4000-8000-000000000000")).isEqualTo(new EndSessionResult.NotFound());
        assertThat(f.endSession.end(caller(ada), "garbage")).isEqualTo(new EndSessionResult.NotFound());
        assertThat(live(bob)).isTrue();

        assertThat(f.endSession.end(caller(ada), adaTwo.id().toString())).isEqualTo(new EndSessionResult.Ended());
        assertThat(f.endSession.end(caller(ada), adaTwo.id().toString())).isEqualTo(new EndSessionResult.NotFound());
        assertThat(live(adaTwo)).isFalse();
    }

    @Test
    void disable_endsEverySession_andEnableRevivesNone() {
        StartedSession session = opened("ada@example.com");

        f.manage.setDisabled("ada@example.com", true);
        f.manage.setDisabled("ada@example.com", false);

        assertThat(live(session)).isFalse();
        assertThat(refresh(session)).isInstanceOf(RefreshSessionResult.Invalid.class);
        assertThat(f.sessionRepository.find(session.id()).orElseThrow().endReason()).contains(EndReason.ACCOUNT_DISABLED);
    }
}
