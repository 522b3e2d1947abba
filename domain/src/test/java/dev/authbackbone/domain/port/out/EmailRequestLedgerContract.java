package dev.authbackbone.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.quota.QuotaDecision;
import dev.authbackbone.domain.quota.RateLimit;
import dev.authbackbone.domain.quota.SlidingWindowQuota;
import dev.authbackbone.domain.testing.Concurrently;
import dev.authbackbone.domain.testing.MutableClock;
import dev.authbackbone.domain.token.EmailPurpose;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EmailRequestLedger} promises. Implementations extend this class and supply a
 * fresh, empty fixture for each test.
 */
public abstract class EmailRequestLedgerContract {

    private static final EmailPurpose CONFIRM = EmailPurpose.EMAIL_CONFIRMATION;
    private static final AccountId ADA = new AccountId(new UUID(0x0000000000004000L, 0x8000000000000001L));
    private static final AccountId BOB = new AccountId(new UUID(0x0000000000004000L, 0x8000000000000002L));

    /** A ledger with nothing recorded, the unit of work it takes part in, and the test's clock. */
    public record Fixture(EmailRequestLedger ledger, UnitOfWork unitOfWork, MutableClock clock) {
    }

    /** Called before each test. */
    protected abstract Fixture newFixture();

    private EmailRequestLedger ledger;
    private UnitOfWork unitOfWork;
    private MutableClock clock;

    @BeforeEach
    void setUpFixture() {
        Fixture fixture = newFixture();
        ledger = fixture.ledger();
        unitOfWork = fixture.unitOfWork();
        clock = fixture.clock();
    }

    private static EmailAddress email(String raw) {
        return EmailAddress.parse(raw);
    }

    private static EmailRequest request(int n, String email, EmailPurpose purpose, Optional<AccountId> account,
                                        Instant at) {
        return new EmailRequest(new UUID(0x1000L, n), email(email), purpose, account, at);
    }

    @Test
    void acceptedSince_requestsOfAddressAndPurpose_returnsThoseStrictlyAfterSince() {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofMinutes(15));
        ledger.record(request(1, "ada@example.com", CONFIRM, Optional.of(ADA), since));
        ledger.record(request(2, "Ada@Example.com", CONFIRM, Optional.of(ADA), since.plusMillis(1)));
        ledger.record(request(3, "ADA@example.com", CONFIRM, Optional.empty(), now));
        ledger.record(request(4, "ada@example.com", EmailPurpose.SIGN_IN, Optional.empty(), now));
        ledger.record(request(5, "bob@example.com", CONFIRM, Optional.of(ADA), now));

        assertThat(ledger.acceptedSince(email("ada@EXAMPLE.com"), CONFIRM, since))
                .containsExactlyInAnyOrder(since.plusMillis(1), now);
    }

    @Test
    void acceptedSince_nothingRecorded_isEmpty() {
        assertThat(ledger.acceptedSince(email("ada@example.com"), CONFIRM, Instant.EPOCH)).isEmpty();
    }

    @Test
    void acceptedFromAccountSince_requestsOfAccount_returnsThoseStrictlyAfterSince() {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofMinutes(10));
        ledger.record(request(1, "one@example.com", CONFIRM, Optional.of(ADA), since.minusSeconds(1)));
        ledger.record(request(2, "two@example.com", CONFIRM, Optional.of(ADA), since));
        ledger.record(request(3, "three@example.com", CONFIRM, Optional.of(ADA), now));
        ledger.record(request(4, "four@example.com", EmailPurpose.SIGN_IN, Optional.empty(), now));
        ledger.record(request(5, "five@example.com", CONFIRM, Optional.of(BOB), now));

        assertThat(ledger.acceptedFromAccountSince(ADA, since)).containsExactly(now);
    }

    @Test
    void forget_recordedRequest_givesItsQuotaBack() {
        Instant now = clock.instant();
        ledger.record(request(1, "ada@example.com", CONFIRM, Optional.of(ADA), now));
        ledger.record(request(2, "ada@example.com", CONFIRM, Optional.of(ADA), now.plusSeconds(1)));

        ledger.forget(new UUID(0x1000L, 1));

        assertThat(ledger.acceptedSince(email("ada@example.com"), CONFIRM, now.minusSeconds(60)))
                .containsExactly(now.plusSeconds(1));
        assertThat(ledger.acceptedFromAccountSince(ADA, now.minusSeconds(60))).containsExactly(now.plusSeconds(1));
    }

    @Test
    void forget_unknownId_changesNothing() {
        Instant now = clock.instant();
        ledger.record(request(1, "ada@example.com", CONFIRM, Optional.of(ADA), now));

        ledger.forget(new UUID(0x1000L, 99));

        assertThat(ledger.acceptedSince(email("ada@example.com"), CONFIRM, now.minusSeconds(60))).hasSize(1);
    }

    @Test
    void purgeBefore_cutoff_deletesEntriesAcceptedBeforeItAndCountsThem() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(Duration.ofHours(1));
        ledger.record(request(1, "ada@example.com", CONFIRM, Optional.of(ADA), now.minus(Duration.ofHours(2))));
        ledger.record(request(2, "bob@example.com", EmailPurpose.SIGN_IN, Optional.empty(), cutoff.minusMillis(1)));
        ledger.record(request(3, "ada@example.com", CONFIRM, Optional.of(ADA), cutoff));
        ledger.record(request(4, "ada@example.com", CONFIRM, Optional.of(ADA), now));

        int purged = ledger.purgeBefore(cutoff);

        assertThat(purged).isEqualTo(2);
        assertThat(ledger.acceptedSince(email("ada@example.com"), CONFIRM, Instant.EPOCH))
                .containsExactlyInAnyOrder(cutoff, now);
        assertThat(ledger.acceptedSince(email("bob@example.com"), EmailPurpose.SIGN_IN, Instant.EPOCH)).isEmpty();
        assertThat(ledger.purgeBefore(cutoff)).isZero();
    }

    @Test
    void lock_twiceInOneUnitOfWork_thenCountsAndRecords() {
        Instant now = clock.instant();

        List<Instant> seen = unitOfWork.inTransaction(() -> {
            ledger.lock(email("ada@example.com"), CONFIRM);
            ledger.lock(email("ADA@example.com"), CONFIRM);
            ledger.record(request(1, "ada@example.com", CONFIRM, Optional.of(ADA), now));
            return ledger.acceptedSince(email("ada@example.com"), CONFIRM, now.minusSeconds(1));
        });

        assertThat(seen).containsExactly(now);
    }

    @Test
    void lock_afterPurgeRemovedEverything_stillWorks() {
        Instant now = clock.instant();
        unitOfWork.inTransaction(() -> {
            ledger.lock(email("ada@example.com"), CONFIRM);
            ledger.record(request(1, "ada@example.com", CONFIRM, Optional.of(ADA), now));
            return null;
        });
        ledger.purgeBefore(now.plusSeconds(1));

        unitOfWork.inTransaction(() -> {
            ledger.lock(email("ada@example.com"), CONFIRM);
            ledger.record(request(2, "ada@example.com", CONFIRM, Optional.of(ADA), now.plusSeconds(2)));
            return null;
        });

        assertThat(ledger.acceptedSince(email("ada@example.com"), CONFIRM, now)).containsExactly(now.plusSeconds(2));
    }

    @Test
    void quota_twentyRequestsForOneAddressAtOnce_exactlyThreeRecorded() {
        SlidingWindowQuota quota = new SlidingWindowQuota(new RateLimit(3, Duration.ofMinutes(15)));
        EmailAddress address = email("ada@example.com");
        Instant now = clock.instant();

        List<Boolean> accepted = Concurrently.run(20, i -> () -> unitOfWork.inTransaction(() -> {
            ledger.lock(address, CONFIRM);
            List<Instant> earlier = ledger.acceptedSince(address, CONFIRM, quota.windowStart(now));
            if (quota.decide(earlier, now) instanceof QuotaDecision.Allowed) {
                // Widens the window between counting and recording, so that a ledger whose lock
                // does not serialize lets more than three through instead of passing by luck.
                pause();
                ledger.record(request(i, address.value(), CONFIRM, Optional.of(ADA), now));
                return true;
            }
            return false;
        }));

        assertThat(accepted).filteredOn(a -> a).hasSize(3);
        assertThat(ledger.acceptedSince(address, CONFIRM, quota.windowStart(now))).hasSize(3);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
