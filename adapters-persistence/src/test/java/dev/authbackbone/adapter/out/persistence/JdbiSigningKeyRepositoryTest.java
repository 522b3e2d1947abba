package dev.authbackbone.adapter.out.persistence;

import dev.authbackbone.domain.port.out.SigningKeyRepository;
import dev.authbackbone.domain.port.out.SigningKeyRepositoryContract;
import org.junit.jupiter.params.Parameter;

@OnEveryMigratedDatabase
class JdbiSigningKeyRepositoryTest extends SigningKeyRepositoryContract {

    @Parameter
    MigratedDatabase db;

    @Override
    protected SigningKeyRepository newRepository() {
        db.jdbi().useHandle(h -> h.execute("DELETE FROM signing_key"));
        return new JdbiSigningKeyRepository(db.jdbi());
    }
}
