package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.port.out.EmailRequestLedgerContract;

class InMemoryEmailRequestLedgerContractTest extends EmailRequestLedgerContract {

    @Override
    protected Fixture newFixture() {
        return new Fixture(new InMemoryEmailRequestLedger(), new InMemoryUnitOfWork(),
                MutableClock.at("2026-03-01T10:00:00Z"));
    }
}
