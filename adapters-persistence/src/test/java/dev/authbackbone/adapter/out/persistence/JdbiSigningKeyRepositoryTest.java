package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.adapter.out.persistence.testing.OnEveryDatabase;
import dev.authbackbone.adapter.out.persistence.testing.TestDatabase;
import dev.authbackbone.domain.port.out.SigningKeyRepository;
import dev.authbackbone.domain.port.out.SigningKeyRepositoryContract;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

@OnEveryDatabase
class JdbiSigningKeyRepositoryTest extends SigningKeyRepositoryContract {

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
    protected SigningKeyRepository newRepository() {
        db.jdbi().useHandle(h -> h.execute("DELETE FROM signing_key"));
        return new JdbiSigningKeyRepository(db.jdbi());
    }
}
