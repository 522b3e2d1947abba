package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.domain.port.out.EmailRequestLedgerContract;
import dev.authbackbone.domain.testing.MutableClock;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

@OnEveryDatabase
class JdbiEmailRequestLedgerTest extends EmailRequestLedgerContract {

    @Parameter
    TestDatabase kind;

    static MigratedDatabase db;

    @BeforeParameterizedClassInvocation
    static void open(TestDatabase kind) {
        db = MigratedDatabase.on(kind);
    }

    @AfterParameterizedClassInvocation
    static void close() {
        db.close();
    }

    @Override
    protected Fixture newFixture() {
        db.wipe();
        return new Fixture(new JdbiEmailRequestLedger(db.database()), new JdbiUnitOfWork(db.jdbi()), MutableClock.at("2026-03-01T10:00:00Z"));
    }
}
