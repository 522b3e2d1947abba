package dev.authbackbone.adapter.out.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbiStorageH2Test extends JdbiStorageBehaviour {

    private static TestDatabase db;

    @BeforeAll
    static void openDatabase() {
        db = TestDatabase.h2();
    }

    @AfterAll
    static void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Override
    protected TestDatabase database() {
        return db;
    }
}
