package dev.authbackbone.domain.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.Account;
import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.account.AccountStanding;
import dev.authbackbone.domain.reason.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallerTest {

    private static final AccountId ADA = new AccountId(new UUID(0x4000L, 0x8000000000000001L));
    private static final AccountId BOB = new AccountId(new UUID(0x4000L, 0x8000000000000002L));
    private static final SessionId ID = new SessionId(new UUID(0x4000L, 0x8000000000000003L));
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofDays(30), Duration.ofDays(90));
    private static final Caller CALLER = new Caller(ADA, ID);
    private static final Optional<Account> ENABLED = Optional.of(Account.restore(ADA, NOW, false));
    private static final Optional<Account> DISABLED = Optional.of(Account.restore(ADA, NOW, true));

    private static Reason refusal(AccountStanding standing) {
        return standing.map(account -> null, refused -> refused.why());
    }

    @Test
    void standing_liveSessionOfAnEnabledAccount_mayAct() {
        assertThat(CALLER.standing(ENABLED, Optional.of(Session.issue(ID, ADA, NOW)), NOW, POLICY))
                .isInstanceOf(AccountStanding.MayAct.class);
    }

    @Test
    void standing_endedMissingOutlivedOrAnotherAccountsSession_isSessionEnded_whateverTheAccount() {
        Session ended = Session.restore(ID, ADA, NOW, NOW, Optional.of(NOW), Optional.of(EndReason.ENDED_BY_ACCOUNT));
        Session outlived = Session.issue(ID, ADA, NOW.minus(Duration.ofDays(31)));
        Session bobs = Session.issue(ID, BOB, NOW);

        for (Optional<Session> stored : List.of(Optional.of(ended), Optional.<Session>empty(), Optional.of(outlived),
                Optional.of(bobs))) {
            assertThat(refusal(CALLER.standing(ENABLED, stored, NOW, POLICY))).isEqualTo(Reason.SESSION_ENDED);
            assertThat(refusal(CALLER.standing(DISABLED, stored, NOW, POLICY))).isEqualTo(Reason.SESSION_ENDED);
            assertThat(refusal(CALLER.standing(Optional.empty(), stored, NOW, POLICY))).isEqualTo(Reason.SESSION_ENDED);
        }
    }

    @Test
    void standing_liveSession_leavesTheAccountsOwnRefusal() {
        Optional<Session> live = Optional.of(Session.issue(ID, ADA, NOW));

        assertThat(refusal(CALLER.standing(DISABLED, live, NOW, POLICY))).isEqualTo(Reason.ACCOUNT_DISABLED);
        assertThat(refusal(CALLER.standing(Optional.empty(), live, NOW, POLICY))).isEqualTo(Reason.UNKNOWN_ACCOUNT);
    }
}
