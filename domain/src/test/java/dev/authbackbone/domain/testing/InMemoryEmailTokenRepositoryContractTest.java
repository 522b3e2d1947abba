package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.port.out.EmailTokenRepositoryContract;

class InMemoryEmailTokenRepositoryContractTest extends EmailTokenRepositoryContract {

    @Override
    protected Fixture newFixture() {
        return new Fixture(new InMemoryEmailTokenRepository(), new InMemoryUnitOfWork(),
                MutableClock.at("2026-03-01T10:00:00Z"));
    }
}
