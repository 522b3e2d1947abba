package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.port.out.EmailTokenRepositoryContract;
import dev.authbackbone.domain.testing.MutableClock;
import org.junit.jupiter.params.Parameter;

@OnEveryMigratedDatabase
class JdbiEmailTokenRepositoryTest extends EmailTokenRepositoryContract {

    @Parameter
    MigratedDatabase db;

    @Override
    protected Fixture newFixture() {
        db.wipe();
        return new Fixture(new JdbiEmailTokenRepository(db.jdbi()), new JdbiUnitOfWork(db.jdbi()), MutableClock.at("2026-03-01T10:00:00Z"));
    }
}
