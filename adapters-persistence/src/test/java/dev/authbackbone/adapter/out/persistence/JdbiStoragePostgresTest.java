package dev.authbackbone.adapter.out.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbiStoragePostgresTest extends JdbiStorageBehaviour {

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
    protected TestDatabase database() {
        return db;
    }
}
