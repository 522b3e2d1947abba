package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.port.out.AuditTrailContract;
import dev.authbackbone.domain.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbiAuditTrailPostgresTest extends AuditTrailContract {

    private static TestDatabase db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.postgres();
    }

    @AfterAll
    static void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected Fixture newFixture() {
        db.wipe();
        return new Fixture(new JdbiAuditTrail(db.jdbi()), new JdbiUnitOfWork(db.jdbi()), MutableClock.at("2026-03-01T10:00:00Z"));
    }
}
