package dev.authbackbone.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionTest {

    private static final AccountId ADA = new AccountId(new UUID(0x4000L, 0x8000000000000001L));
    private static final AccountId BOB = new AccountId(new UUID(0x4000L, 0x8000000000000002L));
    private static final SessionId ID = new SessionId(new UUID(0x4000L, 0x8000000000000003L));
    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofDays(30), Duration.ofDays(90));

    private static Session usedAt(Instant lastUsed) {
        return Session.restore(ID, ADA, START, lastUsed, Optional.empty(), Optional.empty());
    }

    @Test
    void decideRefresh_liveSessionAndUnspentToken_rotates() {
        assertThat(Session.issue(ID, ADA, START).decideRefresh(false, START.plusSeconds(60), POLICY))
                .isInstanceOf(RefreshDecision.Rotate.class);
    }

    @Test
    void decideRefresh_spentToken_isReuse() {
        assertThat(Session.issue(ID, ADA, START).decideRefresh(true, START.plusSeconds(60), POLICY))
                .isInstanceOf(RefreshDecision.Reused.class);
    }

    @Test
    void decideRefresh_endedSession_isInvalid_evenForASpentToken() {
        Session ended = Session.restore(ID, ADA, START, START, Optional.of(START), Optional.of(EndReason.SIGNED_OUT));

        assertThat(ended.decideRefresh(false, START.plusSeconds(1), POLICY)).isInstanceOf(RefreshDecision.Invalid.class);
        assertThat(ended.decideRefresh(true, START.plusSeconds(1), POLICY)).isInstanceOf(RefreshDecision.Invalid.class);
    }

    @Test
    void decideRefresh_unusedForTheIdleLifetime_isExpired() {
        Session session = usedAt(START.plus(Duration.ofDays(10)));

        assertThat(session.decideRefresh(false, START.plus(Duration.ofDays(40)).minusSeconds(1), POLICY))
                .isInstanceOf(RefreshDecision.Rotate.class);
        assertThat(session.decideRefresh(false, START.plus(Duration.ofDays(40)), POLICY))
                .isInstanceOf(RefreshDecision.Expired.class);
    }

    @Test
    void decideRefresh_pastTheMaximumLifetime_isExpired_howeverRecentlyUsed() {
        Session session = usedAt(START.plus(Duration.ofDays(89)));

        assertThat(session.decideRefresh(false, START.plus(Duration.ofDays(90)), POLICY))
                .isInstanceOf(RefreshDecision.Expired.class);
    }

    @Test
    void isLiveFor_anotherAccount_isFalse() {
        Session session = Session.issue(ID, ADA, START);

        assertThat(session.isLiveFor(ADA, START, POLICY)).isTrue();
        assertThat(session.isLiveFor(BOB, START, POLICY)).isFalse();
    }

    @Test
    void needsTouchAt_onlyOnceTheResolutionHasPassed() {
        Session session = Session.issue(ID, ADA, START);

        assertThat(session.needsTouchAt(START.plusSeconds(59), Duration.ofMinutes(1))).isFalse();
        assertThat(session.needsTouchAt(START.plusSeconds(60), Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void sessionId_parse_acceptsOnlyTheCanonicalForm() {
        assertThat(SessionId.parse(ID.toString())).contains(ID);
        assertThat(SessionId.parse("not-a-session")).isEmpty();
        assertThat(SessionId.parse(null)).isEmpty();
        assertThat(SessionId.parse("0000000000000000000000000000000000000")).isEmpty();
        assertThat(SessionId.parse("00004000-0000-0000-8000-00000000000g")).isEmpty();
    }
}
