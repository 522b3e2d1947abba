package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.port.out.EmailRequestLedgerContract;
import dev.authbackbone.domain.testing.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiEmailRequestLedgerH2Test extends EmailRequestLedgerContract {

    @RegisterExtension
    static final OpenDatabase db = OpenDatabase.h2();

    @Override
    protected Fixture newFixture() {
        db.wipe();
        return new Fixture(new JdbiEmailRequestLedger(db.jdbi()), new JdbiUnitOfWork(db.jdbi()), MutableClock.at("2026-03-01T10:00:00Z"));
    }
}
