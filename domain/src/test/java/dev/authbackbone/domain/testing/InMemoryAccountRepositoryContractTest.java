package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.port.out.AccountRepositoryContract;

class InMemoryAccountRepositoryContractTest extends AccountRepositoryContract {

    @Override
    protected Fixture newFixture() {
        return new Fixture(new InMemoryAccountRepository(), new InMemoryUnitOfWork(),
                MutableClock.at("2026-03-01T10:00:00Z"));
    }
}
