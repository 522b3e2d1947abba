package dev.authbackbone.domain.testing;

import dev.authbackbone.domain.port.out.SigningKeyRepository;
import dev.authbackbone.domain.port.out.SigningKeyRepositoryContract;

class InMemorySigningKeyRepositoryContractTest extends SigningKeyRepositoryContract {

    @Override
    protected SigningKeyRepository newRepository() {
        return new InMemorySigningKeyRepository();
    }
}
