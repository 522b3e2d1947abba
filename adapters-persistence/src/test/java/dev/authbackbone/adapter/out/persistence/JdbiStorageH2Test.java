package dev.authbackbone.adapter.out.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

class JdbiStorageH2Test extends JdbiStorageBehaviour {

    @RegisterExtension
    static final OpenDatabase db = OpenDatabase.h2();

    @Override
    protected TestDatabase database() {
        return db.get();
    }
}
