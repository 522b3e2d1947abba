package dev.authbackbone.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.authbackbone.domain.account.AccountId;
import dev.authbackbone.domain.audit.AuditEvent;
import dev.authbackbone.domain.audit.AuditEventType;
import dev.authbackbone.domain.audit.RequestOrigin;
import dev.authbackbone.domain.port.out.AuditTrailContract;
import dev.authbackbone.domain.testing.MutableClock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

@OnEveryMigratedDatabase
class JdbiAuditTrailTest extends AuditTrailContract {

    @Parameter
    MigratedDatabase db;

    @Override
    protected Fixture newFixture() {
        db.wipe();
        return new Fixture(new JdbiAuditTrail(db.jdbi()), new JdbiUnitOfWork(db.jdbi()), MutableClock.at("2026-03-01T10:00:00Z"));
    }

    @Test
    void record_inAUnitOfWorkThatFails_rollsBackWithIt() {
        db.wipe();
        JdbiAuditTrail trail = new JdbiAuditTrail(db.jdbi());
        AccountId ada = new AccountId(new UUID(0x4000L, 0x8000000000000001L));

        assertThatThrownBy(() -> new JdbiUnitOfWork(db.jdbi()).inTransaction(() -> {
            trail.record(AuditEvent.of(AuditEventType.EMAIL_CONFIRMED, Instant.parse("2026-03-01T10:00:00Z"),
                    RequestOrigin.unknown()).account(ada));
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(trail.recentFor(ada, 10)).isEmpty();
    }

    @Test
    void poolUsage_whileAConnectionIsLent_countsItActive() {
        Database.PoolUsage during = db.jdbi().withHandle(h -> db.database().poolUsage());

        assertThat(during.active()).isEqualTo(1);
        assertThat(during.max()).isEqualTo(MigratedDatabase.POOL_SIZE);
        assertThat(db.database().poolUsage().active()).isZero();
    }
}
