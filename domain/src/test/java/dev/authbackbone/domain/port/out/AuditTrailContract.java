package dev.authbackbone.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.reason.Reason;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.email.EmailAddress;
import dev.authbackbone.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditTrail} promises. Implementations extend this class and supply a fresh,
 * empty fixture for each test.
 */
public abstract class AuditTrailContract {

    private static final AccountId ADA = new AccountId(new UUID(0x0000000000004000L, 0x8000000000000001L));
    private static final AccountId BOB = new AccountId(new UUID(0x0000000000004000L, 0x8000000000000002L));
    private static final RequestOrigin ORIGIN = RequestOrigin.of("203.0.113.7", "req-1");

    /** A trail with nothing recorded, the unit of work it takes part in, and the test's clock. */
    public record Fixture(AuditTrail trail, UnitOfWork unitOfWork, MutableClock clock) {
    }

    /** Called before each test. */
    protected abstract Fixture newFixture();

    private AuditTrail trail;
    private UnitOfWork unitOfWork;
    private MutableClock clock;

    @BeforeEach
    void setUpFixture() {
        Fixture fixture = newFixture();
        trail = fixture.trail();
        unitOfWork = fixture.unitOfWork();
        clock = fixture.clock();
    }

    @Test
    void recentFor_recordedEvent_comesBackWithEveryField() {
        AuditEvent event = AuditEvent.of(AuditEventType.CONFIRMATION_REJECTED, clock.instant(), ORIGIN)
                .account(ADA).email(EmailAddress.parse("Ada.Lovelace@Example.com")).reason(Reason.ADDRESS_TAKEN);

        trail.record(event);

        assertThat(trail.recentFor(ADA, 10)).containsExactly(event);
        assertThat(event.maskedEmail()).contains("A***@Example.com");
    }

    @Test
    void recentFor_eventWithoutOptionalFields_comesBackWithoutThem() {
        AuditEvent event = AuditEvent.of(AuditEventType.ACCOUNT_DISABLED, clock.instant(), RequestOrigin.unknown())
                .account(ADA);

        trail.record(event);

        assertThat(trail.recentFor(ADA, 10)).containsExactly(event);
    }

    @Test
    void recentFor_manyEvents_newestFirstOnlyTheAccountsAndAtMostTheLimit() {
        Instant start = clock.instant();
        for (int i = 0; i < 5; i++) {
            trail.record(AuditEvent.of(AuditEventType.SIGNED_IN, start.plusSeconds(i), ORIGIN).account(ADA));
            trail.record(AuditEvent.of(AuditEventType.SIGNED_IN, start.plusSeconds(i), ORIGIN).account(BOB));
        }
        trail.record(AuditEvent.of(AuditEventType.CONFIRMATION_REJECTED, start, ORIGIN).reason(Reason.INVALID_TOKEN));

        List<AuditEvent> recent = trail.recentFor(ADA, 3);

        assertThat(recent).extracting(AuditEvent::occurredAt)
                .containsExactly(start.plusSeconds(4), start.plusSeconds(3), start.plusSeconds(2));
        assertThat(recent).allMatch(e -> e.account().equals(Optional.of(ADA)));
    }

    @Test
    void purgeBefore_deletesOnlyEventsOlderThanTheCutoff() {
        Instant start = clock.instant();
        trail.record(AuditEvent.of(AuditEventType.SIGNED_IN, start.minusSeconds(2), ORIGIN).account(ADA));
        trail.record(AuditEvent.of(AuditEventType.SIGNED_IN, start.minusSeconds(1), ORIGIN).account(ADA));
        trail.record(AuditEvent.of(AuditEventType.SIGNED_IN, start, ORIGIN).account(ADA));

        assertThat(trail.purgeBefore(start.minusSeconds(1))).isEqualTo(1);

        assertThat(trail.recentFor(ADA, 10)).extracting(AuditEvent::occurredAt)
                .containsExactly(start, start.minusSeconds(1));
        assertThat(trail.purgeBefore(start.minusSeconds(1))).isZero();
    }

    @Test
    void recentFor_accountWithoutEvents_isEmpty() {
        trail.record(AuditEvent.of(AuditEventType.SIGNED_IN, clock.instant(), ORIGIN).account(BOB));

        assertThat(trail.recentFor(ADA, 50)).isEmpty();
    }

    @Test
    void record_insideUnitOfWork_isVisibleAfterItCommits() {
        Instant now = clock.instant();
        unitOfWork.inTransaction(() -> {
            trail.record(AuditEvent.of(AuditEventType.EMAIL_CONFIRMED, now, ORIGIN).account(ADA));
            trail.record(AuditEvent.of(AuditEventType.MAIL_SENT, now.plus(Duration.ofMillis(1)), ORIGIN).account(ADA));
            return null;
        });

        assertThat(trail.recentFor(ADA, 50)).extracting(AuditEvent::type)
                .containsExactly(AuditEventType.MAIL_SENT, AuditEventType.EMAIL_CONFIRMED);
    }
}
