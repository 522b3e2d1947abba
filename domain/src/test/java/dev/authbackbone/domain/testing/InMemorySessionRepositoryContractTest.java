package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.port.out.SessionRepositoryContract;

class InMemorySessionRepositoryContractTest extends SessionRepositoryContract {

    @Override
    protected Fixture newFixture() {
        return new Fixture(new InMemorySessionRepository(), MutableClock.at("2026-03-01T10:00:00Z"));
    }
}
