package dev.authbackbone.adapter.out.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiStoragePostgresTest extends JdbiStorageBehaviour {

    @RegisterExtension
    static final OpenDatabase db = OpenDatabase.postgres();

    @Override
    protected TestDatabase database() {
        return db.get();
    }
}
