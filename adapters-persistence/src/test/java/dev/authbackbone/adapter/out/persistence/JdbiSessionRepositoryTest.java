package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.port.out.SessionRepositoryContract;
import dev.authbackbone.domain.testing.MutableClock;
import org.junit.jupiter.params.Parameter;

@OnEveryMigratedDatabase
class JdbiSessionRepositoryTest extends SessionRepositoryContract {

    @Parameter
    MigratedDatabase db;

    @Override
    protected Fixture newFixture() {
        db.wipe();
        return new Fixture(new JdbiSessionRepository(db.jdbi()), MutableClock.at("2026-03-01T10:00:00Z"));
    }
}
