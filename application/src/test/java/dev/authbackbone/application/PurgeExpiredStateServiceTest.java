package dev.authbackbone.application;

import dev.authbackbone.application.mail.EmailLinkPolicy;
import dev.authbackbone.application.maintenance.PurgeExpiredStateService;
import static dev.authbackbone.application.Fixture.email;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.port.in.confirmation.ConfirmEmailCommand;
import dev.authbackbone.domain.port.in.maintenance.PurgeExpiredStateResult.Purged;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationCommand;
import dev.authbackbone.domain.port.in.confirmation.RequestEmailConfirmationResult;
import dev.authbackbone.domain.quota.RateLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PurgeExpiredStateServiceTest {

    private final Fixture f = new Fixture();
    private final AccountId alice = f.accountWith("alice@example.com");

    private RequestEmailConfirmationResult request(String address) {
        return f.requestConfirmation.request(new RequestEmailConfirmationCommand(f.signedIn(alice), email(address)));
    }

    @Test
    void purge_freshState_deletesNothing() {
        request("one@example.com");
        request("two@example.com");
        f.confirm.confirm(new ConfirmEmailCommand(f.lastLinkToken()));

        assertThat(f.purge.purge()).isEqualTo(new Purged(0, 0, 0, 0));
        assertThat(f.tokens.all()).hasSize(2);
        assertThat(f.ledger.all()).hasSize(2);
    }

    @Test
    void purge_ledgerEntries_goOnceOlderThanTheLongestWindowPlusTheClockMargin() {
        // The fixture's windows are 15 minutes per address and 1 hour per account.
        request("one@example.com");
        request("one@example.com");
        f.clock.advance(Duration.ofHours(2).minusSeconds(1));

        assertThat(f.purge.purge()).isEqualTo(new Purged(0, 0, 0, 0));
        f.clock.advance(Duration.ofSeconds(2));
        assertThat(f.purge.purge()).isEqualTo(new Purged(0, 2, 0, 0));
        assertThat(f.ledger.all()).isEmpty();
    }

    @Test
    void purge_ledgerEntriesStillCountedByAQuota_areKept() {
        for (int i = 0; i < 3; i++) {
            request("busy@example.com");
        }
        f.clock.advance(Duration.ofMinutes(14));
        f.purge.purge();

        assertThat(request("busy@example.com")).isInstanceOf(RequestEmailConfirmationResult.RateLimited.class);
    }

    @Test
    void purge_tokens_goSevenDaysAfterTheyWereUsedOrExpired() {
        request("used@example.com");
        String used = f.lastLinkToken();
        request("unused@example.com");
        f.confirm.confirm(new ConfirmEmailCommand(used));

        f.clock.advance(Duration.ofDays(7).plusMinutes(1));
        // The used one went a week ago; the unused one expired only 6 days ago.
        assertThat(f.purge.purge()).isEqualTo(new Purged(1, 2, 0, 0));
        f.clock.advance(Duration.ofDays(1));
        assertThat(f.purge.purge()).isEqualTo(new Purged(1, 0, 0, 0));
        assertThat(f.tokens.all()).isEmpty();
        assertThat(f.accounts.identitiesOf(alice)).hasSize(2);
    }

    @Test
    void purge_auditEvents_goAfterNinetyDays() {
        request("audited@example.com");
        int recorded = f.audit.all().size();
        assertThat(recorded).isPositive();

        f.clock.advance(Duration.ofDays(90).minusSeconds(1));
        assertThat(((Purged) f.purge.purge()).auditEvents()).isZero();
        f.clock.advance(Duration.ofSeconds(2));
        assertThat(((Purged) f.purge.purge()).auditEvents()).isEqualTo(recorded);
        assertThat(f.audit.all()).isEmpty();
    }

    @Test
    void longestQuotaWindow_isTheLongerOfTheTwoWindows() {
        EmailLinkPolicy perAddressLonger = new EmailLinkPolicy(Duration.ofHours(1), Duration.ofMinutes(5),
                new RateLimit(3, Duration.ofDays(1)), new RateLimit(20, Duration.ofHours(1)));

        assertThat(perAddressLonger.longestQuotaWindow()).isEqualTo(Duration.ofDays(1));
        assertThat(EmailLinkPolicy.defaults().longestQuotaWindow()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void newService_negativeRetention_isRejected() {
        assertThatThrownBy(() -> new PurgeExpiredStateService(f.tokens, f.ledger, f.audit, f.clock, f.policy,
                Duration.ofDays(-1), Duration.ofDays(90), f.sessionRepository, f.sessionPolicy, f.undos))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spentTokenRetention");
        assertThatThrownBy(() -> new PurgeExpiredStateService(f.tokens, f.ledger, f.audit, f.clock, f.policy,
                Duration.ofDays(7), Duration.ofDays(-1), f.sessionRepository, f.sessionPolicy, f.undos))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auditRetention");
    }

    @Test
    void purge_endedSessionsAfterTheRetention_idleOnesAfterTheirLifetimeToo_liveOnesNever() {
        var ended = f.sessions.start(alice, f.clock.instant());
        var idle = f.sessions.start(alice, f.clock.instant());
        f.signOut.signOut(new dev.authbackbone.domain.session.Caller(alice, ended.id()));
        f.clock.advance(Duration.ofDays(8));
        var live = f.sessions.start(alice, f.clock.instant());

        assertThat(((Purged) f.purge.purge()).sessions()).isEqualTo(1);
        assertThat(f.sessionRepository.find(ended.id())).isEmpty();

        f.clock.advance(Duration.ofDays(30));
        // The idle one, and the one the account was opened with.
        assertThat(((Purged) f.purge.purge()).sessions()).isEqualTo(2);
        assertThat(f.sessionRepository.find(idle.id())).isEmpty();
        assertThat(f.sessionRepository.find(live.id())).isPresent();
    }
}
