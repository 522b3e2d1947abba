package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.port.out.AuditTrailContract;

class InMemoryAuditTrailContractTest extends AuditTrailContract {

    @Override
    protected Fixture newFixture() {
        return new Fixture(new InMemoryAuditTrail(), new InMemoryUnitOfWork(), MutableClock.at("2026-03-01T10:00:00Z"));
    }
}
