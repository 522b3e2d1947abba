package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.port.out.PrimaryUndoRepositoryContract;

class InMemoryPrimaryUndoRepositoryContractTest extends PrimaryUndoRepositoryContract {

    @Override
    protected Fixture newFixture() {
        return new Fixture(new InMemoryPrimaryUndoRepository(), new InMemoryUnitOfWork(), MutableClock.at("2026-03-01T10:00:00Z"));
    }
}
