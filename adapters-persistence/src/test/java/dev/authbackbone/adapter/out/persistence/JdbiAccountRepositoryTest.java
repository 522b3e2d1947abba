package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.port.out.AccountRepositoryContract;
import dev.authbackbone.domain.testing.MutableClock;
import org.junit.jupiter.params.Parameter;

@OnEveryMigratedDatabase
class JdbiAccountRepositoryTest extends AccountRepositoryContract {

    @Parameter
    MigratedDatabase db;

    @Override
    protected Fixture newFixture() {
        db.wipe();
        return new Fixture(new JdbiAccountRepository(db.database()), new JdbiUnitOfWork(db.jdbi()), MutableClock.at("2026-03-01T10:00:00Z"));
    }
}
